"""Extraction speed and memory, beside spaCy's NER alone on the same texts.

    python scripts/bench_extract.py examples/ [--repeat 3]
    python scripts/bench_extract.py --csv ../shared/data/muc4/muc4_dev.csv --column doc_text --limit 300

Prints articles/s and words/s for the full extraction and for NER alone (the same
spaCy pipeline, with only NER and the sentencizer, over the same texts, in the same
batch size), their ratio on the wall clock and in CPU time, and the process's peak
resident memory. The two runs alternate and the best of each is kept. Model loading and
the first-use gazetteer build are excluded from the timings (a warm-up run comes first).
"""

from __future__ import annotations

import argparse
import csv
import resource
import sys
import time

from sitrep.extract.pipeline import Extractor
from sitrep.ingest import read_paths
from sitrep.model import Article


def _articles(args: argparse.Namespace) -> list[Article]:
    if args.csv:
        csv.field_size_limit(sys.maxsize)
        with open(args.csv, encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        texts = []
        seen = set()
        for row in rows:
            text = row.get(args.column) or ""
            if text and text not in seen:
                seen.add(text)
                texts.append(text)
        return [Article(text=t) for t in texts[: args.limit]]
    out = []
    for result in read_paths(args.paths):
        if result.article is not None:
            out.append(result.article)
    return out[: args.limit] if args.limit else out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="*", default=["examples/"])
    parser.add_argument("--csv", help="a CSV of texts to use instead of articles (one text per distinct value)")
    parser.add_argument("--column", default="text", help="the CSV column holding the text")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3, help="passes over the texts (the best is reported)")
    args = parser.parse_args()

    articles = _articles(args)
    words = sum(len(a.text.split()) for a in articles)
    extractor = Extractor()
    extractor.warm_up()  # loads spaCy, the gazetteer and its indexes, the registry, dateparser

    nlp = extractor.nlp
    texts = [a.text for a in articles]

    def extraction() -> int:
        return sum(len(r) for _, r in extractor.extract_many(articles))

    def ner_alone() -> int:
        for _doc in nlp.pipe(texts, batch_size=extractor.settings.batch_size):
            pass
        return 0

    # the two runs alternate, so that a busy spell of the machine falls on both; each is timed on
    # the wall clock and in this process's CPU time (which other processes do not inflate)
    full: list[tuple[float, float]] = []
    ner: list[tuple[float, float]] = []
    reports = 0
    for _ in range(args.repeat):
        for run, times in ((extraction, full), (ner_alone, ner)):
            wall, cpu = time.perf_counter(), time.process_time()
            reports = run() or reports
            times.append((time.perf_counter() - wall, time.process_time() - cpu))

    best_full, best_ner = min(t for t, _ in full), min(t for t, _ in ner)
    cpu_full, cpu_ner = min(c for _, c in full), min(c for _, c in ner)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"texts: {len(articles)} articles, {words} words, {reports} reports")
    print(f"extraction: {len(articles) / best_full:8.1f} articles/s  {words / best_full:9.0f} words/s  ({best_full:.2f} s)")
    print(f"NER alone:  {len(articles) / best_ner:8.1f} articles/s  {words / best_ner:9.0f} words/s  ({best_ner:.2f} s)")
    print(f"ratio extraction/NER speed: {best_ner / best_full:.2f}")
    print(f"in CPU time: extraction {cpu_full:.2f} s, NER alone {cpu_ner:.2f} s, ratio {cpu_ner / cpu_full:.2f}")
    print(f"peak memory: {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
