"""Benchmark deduplication on synthetic reports: time, peak memory and accuracy.

    .venv/bin/python scripts/bench_dedupe.py --sizes 10000 100000 1000000

The generator writes what a news feed about political violence looks like to
deduplication: incidents in many countries (a few countries hold most of them),
in towns with coordinates, over ten years; each told by one to a dozen reports
published over the following days with a rising toll, some placed only to the
province or the country, some dated only from the publication date, some naming
the perpetrator (claimed or merely suspected, sometimes by an affiliate's name)
and some only "gunmen"; background mentions published years later with a month
or a year; and hard negatives — another attack in the same town a few days
apart. Each size runs in a fresh process so its peak memory (``ru_maxrss``, which
includes the generated reports themselves) is its own. Run on demand, never by tests.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from sitrep.dedupe import cluster_reports
from sitrep.model import ActorRef, Count, Counts, DateSpan, Evidence, Kind, Location, Report

KINDS = (
    (Kind("Explosions/Remote violence", "Suicide bomb", "Bombing/Explosion"), "suicide bomber blew himself up"),
    (Kind("Explosions/Remote violence", "Remote explosive/landmine/IED", "Bombing/Explosion"), "roadside bomb exploded"),
    (Kind("Violence against civilians", "Attack", "Armed Assault"), "gunmen opened fire"),
    (Kind("Battles", "Armed clash", "Armed Assault"), "militants attacked a checkpoint"),
    (Kind("Violence against civilians", "Abduction/forced disappearance", "Hostage Taking (Kidnapping)"), "kidnapped villagers"),
    (Kind("Explosions/Remote violence", "Air/drone strike", "Bombing/Explosion"), "an air strike hit"),
    (Kind("Strategic developments", "Arrests", None), "police arrested suspects"),
)
FILLER = (
    "market", "mosque", "church", "school", "bus", "station", "convoy", "patrol", "wedding", "funeral",
    "checkpoint", "hospital", "hotel", "village", "camp", "bridge", "farmers", "traders", "pilgrims",
    "students", "soldiers", "police", "officers", "residents", "witnesses", "governor", "army", "ministry",
    "crowded", "busy", "remote", "northern", "southern", "eastern", "western", "central", "early", "late",
)
START = date(2015, 1, 1)
DAYS = 3650


@dataclass(frozen=True, slots=True)
class World:
    """Countries, their provinces, towns and armed groups, from one random seed."""

    towns: list[list[Location]]  # per country
    provinces: list[list[Location]]
    countries: list[Location]
    groups: list[list[ActorRef]]  # per country: named groups (some are affiliates of a parent)
    weights: list[float]


_SYLLABLES = ("ka", "ma", "du", "ri", "bo", "sa", "ne", "lo", "ta", "gu", "zi", "mo", "ha", "ye", "an", "ul",
              "ko", "ba", "ni", "ra", "fa", "shi", "dor", "kan", "tel", "mir", "gar", "bel")


def _name(rng: random.Random) -> str:
    return "".join(rng.choice(_SYLLABLES) for _ in range(rng.randint(2, 4))).capitalize()


def make_world(rng: random.Random, n_countries: int = 60, towns_per_country: int = 60) -> World:
    towns, provinces, countries, groups = [], [], [], []
    for c in range(n_countries):
        code = chr(65 + c // 26) + chr(65 + c % 26)
        lat0, lon0 = rng.uniform(-35, 55), rng.uniform(-100, 140)
        country_name = _name(rng)
        country = Location(country_name, None, country_name, code, lat0, lon0, "country")
        provs = []
        for p in range(8):
            province_name = _name(rng)
            provs.append(Location(province_name, province_name, country.name, code,
                                  lat0 + rng.uniform(-4, 4), lon0 + rng.uniform(-4, 4), "province"))
        places = []
        for t in range(towns_per_country):
            prov = provs[t % 8]
            assert prov.lat is not None and prov.lon is not None
            places.append(Location(_name(rng), prov.name, country.name, code,
                                   round(prov.lat + rng.uniform(-1.2, 1.2), 4),
                                   round(prov.lon + rng.uniform(-1.2, 1.2), 4), "town", geonameid=c * 1000 + t))
        front = _name(rng) + " Front"
        parent = ActorRef(front, front, None, None, f"front-{code}", "armed group")
        named = [parent]
        for k in range(4):
            group = _name(rng) + (" Brigade" if k < 2 else " Movement")
            named.append(ActorRef(group, group, parent.name if k < 2 else None, None, f"front-{code}-{k}", "armed group"))
        towns.append(places)
        provinces.append(provs)
        countries.append(country)
        groups.append(named)
    weights = [1.0 / (rank + 1) ** 0.7 for rank in range(n_countries)]
    return World(towns, provinces, countries, groups, weights)


def same_family(a: str, b: str) -> bool:
    """Affiliates front-XX-0 and front-XX-1 belong to their parent front-XX."""
    short, long_ = sorted((a, b), key=len)
    return long_.startswith(short + "-") and long_[len(short) + 1 :] in ("0", "1")


def generate(n_reports: int, seed: int = 7) -> tuple[list[tuple[str, Report]], dict[str, date], dict[str, int]]:
    """``n_reports`` synthetic reports with their publication dates and true incident numbers."""
    rng = random.Random(seed)
    # the world grows with the feed, so that a town's and a country's incidents per week stay those of
    # a real feed: a million reports is ten years of worldwide coverage (200 countries, 300 towns each)
    world = make_world(rng, n_countries=max(20, min(200, n_reports // 5000)), towns_per_country=300)
    reports: list[tuple[str, Report]] = []
    published: dict[str, date] = {}
    truth: dict[str, int] = {}
    actors: dict[tuple[str, str | None], ActorRef] = {}
    incident = 0
    while len(reports) < n_reports:
        incident += 1
        c = rng.choices(range(len(world.countries)), world.weights)[0]
        town = rng.choice(world.towns[c])
        day = START + timedelta(days=rng.randrange(DAYS))
        kind_index = rng.randrange(len(KINDS))
        toll = max(0, int(rng.lognormvariate(1.3, 1.2)))
        group = rng.choice(world.groups[c]) if rng.random() < 0.5 else None
        _tell(rng, world, c, town, day, kind_index, toll, group, incident, reports, published, truth, actors, n_reports)
        if rng.random() < 0.12:  # a different attack in the same town a few days apart
            incident += 1
            other_day = day + timedelta(days=rng.choice((-6, -4, -3, -2, 2, 3, 4, 6)))
            other_group = rng.choice(world.groups[c]) if rng.random() < 0.5 else None
            _tell(rng, world, c, town, other_day, rng.randrange(len(KINDS)), max(0, int(rng.lognormvariate(1.3, 1.2))),
                  other_group, incident, reports, published, truth, actors, n_reports)
    return reports, published, truth


def _tell(rng, world, c, town, day, kind_index, toll, group, incident, reports, published, truth, actors, limit):  # type: ignore[no-untyped-def]
    kind, phrase = KINDS[kind_index]
    n = min(12, 1 + int(rng.expovariate(1 / 2.3)))
    words = rng.sample(FILLER, 3)
    for k in range(n):
        if len(reports) >= limit:
            return
        rid = f"r{len(reports):07d}"
        background = k > 0 and rng.random() < 0.06
        pub = day + timedelta(days=rng.randrange(400, 1500) if background else min(k, 3) + rng.randrange(0, 2))
        when: DateSpan | None
        roll = rng.random()
        if background:
            if rng.random() < 0.7:
                first = day.replace(day=1)
                last = (first + timedelta(days=32)).replace(day=1) - timedelta(days=1)
                when = DateSpan(first, last, "month", day.strftime("%B %Y"))
            else:
                when = DateSpan(date(day.year, 1, 1), date(day.year, 12, 31), "year", str(day.year))
        elif roll < 0.08:
            when = DateSpan(pub, pub, "day", "", inferred=True)
        elif roll < 0.12:
            shifted = day + timedelta(days=rng.choice((-1, 1)))
            when = DateSpan(shifted, shifted, "day", "yesterday")
        elif roll < 0.13:
            when = None
        else:
            when = DateSpan(day, day, "day", day.strftime("%A"))
        roll = rng.random()
        if roll < 0.12:
            where: Location | None = next(p for p in world.provinces[c] if p.name == town.admin1)
        elif roll < 0.16:
            where = world.countries[c]
        elif roll < 0.17:
            where = None
        else:
            where = town
        share = 1.0 if background else min(1.0, 0.35 + 0.25 * k + rng.uniform(0, 0.2))
        killed = int(round(toll * share))
        counts = Counts(killed=Count(killed, killed, killed, False, str(killed))) if rng.random() < 0.85 else Counts()
        perps: tuple[ActorRef, ...] = ()
        roll = rng.random()
        if group is not None and roll < 0.6:
            attribution = rng.choice(("claimed", "suspected", "attributed"))
            chosen = group
            if group.parent is None and rng.random() < 0.15:  # told by the name of an affiliate
                affiliates = [g for g in world.groups[c] if g.parent == group.name]
                chosen = affiliates[0] if affiliates else group
            key = (chosen.actor_id, attribution)
            if key not in actors:
                actors[key] = ActorRef(chosen.name, chosen.matched, chosen.parent, attribution, chosen.actor_id, "armed group")  # type: ignore[arg-type]
            perps = (actors[key],)
        elif roll < 0.8:
            key = ("gunmen", None)
            if key not in actors:
                actors[key] = ActorRef("gunmen", "gunmen", None, None, None, "unnamed")
            perps = (actors[key],)
        place_name = where.name if where is not None else "the area"
        sentence = (f"In {place_name}, {phrase} near a {words[0]} {words[1]}, killing {killed} people; "
                    f"{perps[0].name if perps else 'no group'} was blamed as {words[2]} fled.")
        evidence = {"kind": Evidence(sentence, 0, len(sentence), phrase, None, None, 0.8)}
        report = Report(kind=kind, status="completed", realis="background" if background else "reported",
                        date=when, location=where, perpetrators=perps, counts=counts, evidence=evidence,
                        confidence=0.8, trigger=phrase)
        reports.append((rid, report))
        published[rid] = pub
        truth[rid] = incident


def pairwise(clusters: list[list[str]], truth: dict[str, int]) -> tuple[float, float, float]:
    """Pairwise precision, recall and F1 of clusters against the true incidents."""
    def pairs(sizes: Counter) -> int:  # type: ignore[type-arg]
        return sum(n * (n - 1) // 2 for n in sizes.values())

    joint: Counter = Counter()  # type: ignore[type-arg]
    predicted = 0
    for members in clusters:
        predicted += len(members) * (len(members) - 1) // 2
        for rid in members:
            joint[(members[0], truth[rid])] += 1
    true_pairs = pairs(Counter(truth.values()))
    hits = pairs(joint)
    precision = hits / predicted if predicted else 1.0
    recall = hits / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run_one(size: int, seed: int) -> dict[str, float]:
    """Generate ``size`` reports, cluster them, and measure."""
    t0 = time.perf_counter()
    reports, published, truth = generate(size, seed)
    t1 = time.perf_counter()
    clusters, links = cluster_reports(reports, same_family=same_family, published=published)
    t2 = time.perf_counter()
    precision, recall, f1 = pairwise(clusters, truth)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "reports": size,
        "true_incidents": len(set(truth.values())),
        "incidents": len(clusters),
        "links": len(links),
        "generate_s": round(t1 - t0, 1),
        "cluster_s": round(t2 - t1, 1),
        "peak_rss_mb": round(peak_mb),
        "pairwise_precision": round(precision, 4),
        "pairwise_recall": round(recall, 4),
        "pairwise_f1": round(f1, 4),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_one(args.one, args.seed)))
        return
    header = ("reports", "true_incidents", "incidents", "cluster_s", "peak_rss_mb",
              "pairwise_precision", "pairwise_recall", "pairwise_f1")
    print(" | ".join(header))
    for size in args.sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(size), "--seed", str(args.seed)],
                             capture_output=True, text=True, check=True)
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(" | ".join(str(row[h]) for h in header), flush=True)


if __name__ == "__main__":
    main()
