"""spaCy components that repair what the small English model gets wrong in this domain."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

# "Tarig Hassan el-Nour", "Mohammed bin Salman", "Abu Obeida": name particles the model cuts
# off a PERSON (it tags "el-Nour" as an ORG on its own)
PARTICLE = re.compile(r"^(?:al|el|ul|ad|ash|as|at)-[A-Z]|^(?:bin|ibn|ben|bint|abu|abou)$", re.I)


@Language.component("claimgraph_name_particles")
def join_name_particles(doc: Doc) -> Doc:
    """Extend a PERSON over a following "el-Nour" / "bin Salman" and drop the stray entity."""
    ents = list(doc.ents)
    changed = False
    for k, ent in enumerate(ents):
        if ent.label_ != "PERSON":
            continue
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
        if end > ent.end:
            ents[k] = Span(doc, ent.start, end, label="PERSON")
            changed = True
    if changed:
        doc.ents = filter_spans(ents)
    return doc
