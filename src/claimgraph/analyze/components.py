"""spaCy components that repair what the small English model gets wrong in this domain."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..datafiles import grammar, titles

# "Tarig Hassan el-Nour", "Mohammed bin Salman", "Abu Obeida": name particles the model cuts
# off a PERSON (it tags "el-Nour" as an ORG on its own)
PARTICLE = re.compile(rf"^(?:{'|'.join(grammar()['hyphened_name_particles'])})-[A-Z]"
                      rf"|^(?:{'|'.join(grammar()['kinship_name_words'])})$", re.I)


def _given_name(token) -> bool:
    """A capitalised name word the model left outside a PERSON ("Col. Cheik | Oumar Diakite")."""
    return (token.pos_ == "PROPN" and token.is_title and token.is_alpha and not token.ent_type_
            and token.lower_ not in titles() and not token.is_sent_start)


@Language.component("claimgraph_name_particles")
def join_name_particles(doc: Doc) -> Doc:
    """Extend a PERSON over a following "el-Nour" / "bin Salman", and over a given name
    the model cut off in front ("Col. Cheik Oumar Diakite"); drop the stray entity."""
    ents = list(doc.ents)
    changed = False
    for k, ent in enumerate(ents):
        if ent.label_ != "PERSON":
            continue
        start = ent.start
        while start > 0 and ent.start - start < 2 and _given_name(doc[start - 1]):
            start -= 1
        end = ent.end
        while end < len(doc):
            if PARTICLE.match(doc[end].text) and "-" in doc[end].text:  # "el-Nour" as one token
                end += 1
            elif (end + 2 < len(doc) and doc[end + 1].text == "-" and doc[end + 2].is_title
                  and PARTICLE.match(f"{doc[end].text}-{doc[end + 2].text}")):  # "el", "-", "Nour"
                end += 3
            elif PARTICLE.match(doc[end].text) and end + 1 < len(doc) and doc[end + 1].is_title:
                end += 2  # "bin Salman"
            else:
                break
        if end > ent.end or start < ent.start:
            ents[k] = Span(doc, start, end, label="PERSON")
            changed = True
    if changed:
        doc.ents = filter_spans(ents)
    return doc


# words that open a new clause inside what the model took for one date ("on Wednesday that
# Sunday's strike ...": two dates, one for the report and one for the strike)
CLAUSE_OPENERS = frozenset({"that", "when", "while", "because", "whether"})


@Language.component("claimgraph_split_dates")
def split_dates_at_clauses(doc: Doc) -> Doc:
    """Cut a DATE or TIME entity where a new clause begins inside it."""
    ents, changed = [], False
    for ent in doc.ents:
        cuts = [t.i for t in ent if ent.label_ in {"DATE", "TIME"} and t.i > ent.start
                and t.lower_ in CLAUSE_OPENERS and (t.pos_ == "SCONJ" or t.dep_ == "mark")]
        if not cuts:
            ents.append(ent)
            continue
        changed = True
        start = ent.start
        for cut in [*cuts, ent.end]:
            if cut > start:
                ents.append(Span(doc, start, cut, label=ent.label_))
            start = cut + 1
    if changed:
        doc.ents = ents
    return doc
