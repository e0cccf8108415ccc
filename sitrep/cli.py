"""The ``sitrep`` command: a thin shell over sitrep's Python API.

Every command turns sitrep's own errors into a one-line message (what failed, why,
and what to do) and exit status 1; usage errors exit with 2.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from typing import Any, Callable, Sequence

import click

from sitrep.errors import SitrepError

_FORMATS = click.Choice(["table", "json", "csv"])


def _fail(exc: SitrepError) -> None:
    message = f"sitrep: {exc}"
    if exc.hint:
        message += f" ({exc.hint})"
    click.echo(message, err=True)
    sys.exit(1)


def _guarded(func: Callable[..., Any]) -> Callable[..., Any]:
    """Run a command body, turning SitrepError into a one-line message."""
    import functools

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except SitrepError as exc:
            _fail(exc)

    return wrapper


def _date_option(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise click.BadParameter(f"{value!r} is not a date; write YYYY-MM-DD") from exc


db_option = click.option(
    "--db", "db", metavar="PATH|URL", envvar="SITREP_DB", default=None,
    help="The store: a SQLite file path or a SQLAlchemy URL. Default: ~/.local/share/sitrep/sitrep.db.",
)


#: How many of an ingest's warnings are printed (all are counted).
_SHOWN_WARNINGS = 20


@click.group()
@click.version_option(package_name="sitrep")
def main() -> None:
    """sitrep: sourced, deduplicated political-violence incidents from news articles.

    \b
    Example:
      sitrep ingest examples/ && sitrep incidents
    """


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@click.option("--published", callback=lambda c, p, v: _date_option(v), help="Publication date (YYYY-MM-DD) for articles that carry none.")
@click.option("--quiet", "-q", is_flag=True, help="No progress bar; only the closing summary.")
@_guarded
def ingest(paths: Sequence[str], db: str | None, published: date | None, quiet: bool) -> None:
    """Read articles (files, folders, or - for standard input), extract their incidents and store them.

    Text page dumps (.txt), HTML pages (.html) and JSON Lines (.jsonl, one article per line
    with "text" or "html") are read. Each article is stored as soon as it is extracted, so
    an interrupted run keeps what it did; ingesting the same article twice changes nothing.

    \b
    Example:
      sitrep ingest news/ feed.jsonl --db incidents.db
    """
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from sitrep.api import ingest as run_ingest
    from sitrep.settings import load_settings
    from sitrep.store import open_store

    settings = load_settings(db=db)
    console = Console(stderr=True)
    with open_store(settings.db_location()) as store:
        if quiet:
            summary = run_ingest(list(paths), store, published=published, settings=settings, stdin=sys.stdin)
        else:
            with Progress(
                TextColumn("reading articles"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                console=console, transient=True,
            ) as progress:
                task = progress.add_task("ingest", total=None)
                summary = run_ingest(
                    list(paths), store, published=published, settings=settings, stdin=sys.stdin,
                    progress=lambda n: progress.advance(task, n),
                )
    click.echo(
        f"read {summary.articles_read} articles ({summary.articles_new} new, "
        f"{summary.articles_unchanged} unchanged), {summary.reports} reports, "
        f"{summary.incidents} incidents in the store; "
        f"{len(summary.warnings)} warnings, {len(summary.errors)} errors",
        err=True,
    )
    for line in summary.warnings[:_SHOWN_WARNINGS]:
        click.echo(f"warning: {line}", err=True)
    if len(summary.warnings) > _SHOWN_WARNINGS:
        click.echo(f"warning: ... and {len(summary.warnings) - _SHOWN_WARNINGS} more", err=True)
    for line in summary.errors:
        click.echo(f"error: {line}", err=True)
    if summary.errors:
        sys.exit(1)  # everything that could be read was stored; the status says not everything could


@main.command()
@click.argument("path")
@click.option("--published", callback=lambda c, p, v: _date_option(v), help="Publication date (YYYY-MM-DD) if the article carries none.")
@click.option("--format", "fmt", type=click.Choice(["json", "table"]), default="table", show_default=True)
@_guarded
def extract(path: str, published: date | None, fmt: str) -> None:
    """Extract the incidents of one article without touching the store.

    PATH is a text, HTML or JSON Lines file (the first line of a JSON Lines file), or -
    for standard input. The JSON output is a stable contract:
    {"article": {...}, "reports": [...]} (see README, "The extract JSON").

    \b
    Example:
      sitrep extract examples/01-opinion-column-moscow.txt --format json
    """
    from sitrep.api import default_extractor
    from sitrep.ingest import read_paths

    results = iter(read_paths([path], published=published, stdin=sys.stdin))
    first = next(results, None)
    if first is None:
        raise SitrepError(f"{path}: no article found")
    if first.error is not None:
        raise first.error
    article = first.article
    assert article is not None
    reports = default_extractor().extract(article)
    if fmt == "json":
        payload = {"article": _article_json(article), "reports": [r.to_dict() for r in reports]}
        click.echo(json.dumps(payload, ensure_ascii=False, indent=2))
        return
    _print_reports(article, reports)


def _article_json(article: Any) -> dict[str, Any]:
    return {
        "title": article.title,
        "author": article.author,
        "standfirst": article.standfirst,
        "outlet": article.outlet,
        "published": article.published.isoformat() if article.published else None,
        "published_inferred": article.published_inferred,
        "url": article.url,
        "language": article.language,
        "warnings": list(article.warnings),
        "text": article.text,
    }


def _print_reports(article: Any, reports: Sequence[Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console()
    console.print(f"[bold]{article.title or article.source}[/bold]  published {article.published or 'unknown'}")
    table = Table(show_lines=False)
    for name in ("#", "kind", "status", "realis", "date", "place", "killed", "injured", "perpetrators"):
        table.add_column(name)
    for i, r in enumerate(reports, 1):
        table.add_row(
            str(i),
            r.kind.sub_event_type,
            r.status,
            r.realis,
            _date_text(r.date),
            _place_text(r.location),
            _count_text(r.counts.killed),
            _count_text(r.counts.injured),
            ", ".join(f"{p.name} ({p.attribution})" if p.attribution else p.name for p in r.perpetrators),
        )
    console.print(table)


def _date_text(span: Any) -> str:
    if span is None:
        return ""
    value = span.start.isoformat() if span.start == span.end else f"{span.start}..{span.end}"
    return value + ("*" if span.inferred else "")


def _place_text(location: Any) -> str:
    if location is None:
        return ""
    parts = [location.name]
    if location.country_code and location.precision != "country":
        parts.append(location.country_code)
    return ", ".join(parts)


def _count_text(count: Any) -> str:
    if count is None or count.best is None:
        return ""
    return ("~" if count.approx else "") + str(count.best)


def _filter_options(func: Callable[..., Any]) -> Callable[..., Any]:
    options = [
        click.option("--from", "date_from", callback=lambda c, p, v: _date_option(v), help="Incidents on or after this date."),
        click.option("--to", "date_to", callback=lambda c, p, v: _date_option(v), help="Incidents on or before this date."),
        click.option("--country", help="ISO code or name."),
        click.option("--actor", help="An actor's name or alias; its affiliates are included."),
        click.option("--kind", help="ACLED event or sub-event type, or GTD attack type."),
        click.option("--realis", type=click.Choice(["reported", "background", "hypothetical", "negated"])),
        click.option("--min-killed", type=click.IntRange(min=0)),
        click.option("--text", help="Words in an evidence sentence or an article title."),
        click.option("--limit", type=click.IntRange(min=0)),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _incident_filter(**kw: Any) -> Any:
    from sitrep.store import IncidentFilter

    actor_ids = None
    if kw.get("actor"):
        from sitrep.actors import ActorRegistry

        registry = ActorRegistry.load()
        actor = registry.lookup(kw["actor"])
        if actor is None:
            raise SitrepError(f"no actor named {kw['actor']!r} in the registry", hint="try another alias, e.g. ISIS or Islamic State")
        actor_ids = frozenset(registry.descendants(actor.id))
    try:
        return IncidentFilter(
            date_from=kw.get("date_from"), date_to=kw.get("date_to"), country=kw.get("country"),
            actor_ids=actor_ids, kind=kw.get("kind"), realis=kw.get("realis"),
            min_killed=kw.get("min_killed"), text=kw.get("text"), limit=kw.get("limit"),
        )
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from exc


@main.command()
@db_option
@_filter_options
@click.option("--format", "fmt", type=_FORMATS, default="table", show_default=True)
@_guarded
def incidents(db: str | None, fmt: str, **filters: Any) -> None:
    """List stored incidents, newest first, with filters.

    \b
    --format json prints a list of incidents, each with:
      id, kind, status, realis, date, location, perpetrators, claim, confidence
        (reconciled, in the shapes of `sitrep extract` JSON);
      counts: killed, injured, arrested, kidnapped, each null or with min (the lowest
        figure any report gives), max (the highest) and best (the latest report's);
      sources: which report each reconciled field came from;
      first_reported, last_reported (article dates), n_reports, n_sources;
      reports: each with id, article {id, url, title, published, outlet} and its own
        fields as `sitrep extract` prints them (realis "background" for a recollection).

    \b
    Example:
      sitrep incidents --country NG --actor "Islamic State" --from 2024-01-01 --format csv
    """
    from sitrep.export import write_csv, write_json
    from sitrep.settings import load_settings
    from sitrep.store import open_store

    flt = _incident_filter(**filters)
    with open_store(load_settings(db=db).db_location(), create=False) as store:
        found = store.incidents(flt)
        reports = _reports_by_incident(store, [i["id"] for i in found]) if fmt == "json" else {}
    if fmt == "json":
        write_json(found, sys.stdout, reports)
    elif fmt == "csv":
        write_csv(found, sys.stdout)
    else:
        _print_incidents(found)


def _short_names() -> Callable[[dict[str, Any]], str]:
    """A short label for an actor in a table: its name, or for a long name its usual acronym ("ISKP")."""
    from sitrep.actors import ActorRegistry

    registry = ActorRegistry.load()

    def short(actor: dict[str, Any]) -> str:
        name = actor.get("name") or ""
        if actor.get("actor_id") and len(name) > 16:
            try:
                aliases = registry.get(actor["actor_id"]).aliases
            except KeyError:
                return name
            acronyms = [a for a in aliases if a.isupper() and " " not in a and 2 < len(a) <= 6]
            return acronyms[0] if acronyms else name  # the registry lists the usual acronym first
        return name

    return short


def _reports_by_incident(store: Any, incident_ids: Sequence[str]) -> dict[str, list[Any]]:
    """The stored reports of these incidents, grouped by incident."""
    grouped: dict[str, list[Any]] = {}
    for stored in store.reports(incident_ids=incident_ids):
        if stored.incident_id:
            grouped.setdefault(stored.incident_id, []).append(stored)
    return grouped


def _print_incidents(found: Sequence[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{len(found)} incidents", title_justify="left", box=None, header_style="bold")
    short = _short_names()
    widths = {"id": 20, "date": 14, "kind": 17, "realis": 12, "reports": 7}
    for name in ("id", "date", "kind", "place", "killed", "injured", "perpetrators", "realis", "reports"):
        table.add_column(
            name, overflow="ellipsis", no_wrap=True, min_width=widths.get(name, len(name)),
            max_width=28 if name in ("perpetrators", "place") else None,
        )
    for inc in found:
        data = inc.get("data") or {}
        counts = data.get("counts") or {}
        country_only = inc.get("place_precision") == "country"
        place = ", ".join(x for x in (inc.get("place"), None if country_only else inc.get("country_code")) if x)
        start, end = inc.get("date_start"), inc.get("date_end")
        when = _span_text(start, end, inc.get("date_precision"))
        table.add_row(
            inc["id"],
            when,
            _KIND_SHORT.get(inc.get("sub_event_type") or "", inc.get("sub_event_type") or ""),
            place,
            _range_text(counts.get("killed")),
            _range_text(counts.get("injured")),
            ", ".join(short(p) for p in data.get("perpetrators") or []),
            inc.get("realis") or "",
            str(inc.get("n_reports") or ""),
        )
    console = Console()
    if not console.is_terminal:
        console.width = 160  # piped output: do not squeeze the table into 80 columns
    console.print(table)


_KIND_SHORT = {
    "Remote explosive/landmine/IED": "Explosive/IED",
    "Abduction/forced disappearance": "Abduction",
    "Shelling/artillery/missile attack": "Shelling/missile",
    "Disrupted weapons use": "Disrupted weapons",
    "Looting/property destruction": "Property destruction",
}


def _span_text(start: Any, end: Any, precision: str | None) -> str:
    """"2024-03-22", "2015-11" for a month, "2015" for a year, else "start..end" with what the end
    shares with the start left out: "2025-06-08..11", "2025-06-28..07-02", "2024-12-30..2025-01-03"."""
    if start is None:
        return ""
    start, end = str(start), str(end)
    if start == end:
        return start
    if precision == "month" and start[:7] == end[:7]:
        return start[:7]
    if precision == "year" and start[:4] == end[:4]:
        return start[:4]
    if len(start) == len(end) == 10 and start[:7] == end[:7]:
        return f"{start}..{end[8:]}"
    if len(start) == len(end) == 10 and start[:4] == end[:4]:
        return f"{start}..{end[5:]}"
    return f"{start}..{end}"


def _range_text(count: dict[str, Any] | None) -> str:
    if not count or count.get("best") is None:
        return ""
    best, low, high = count.get("best"), count.get("min"), count.get("max")
    text = ("~" if count.get("approx") else "") + str(best)
    if low is not None and high is not None and low != high:
        text += f" ({low}-{high})"
    return text


@main.command()
@click.argument("incident_id")
@db_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@_guarded
def show(incident_id: str, db: str | None, fmt: str) -> None:
    """Print every field of one incident with the sentence each came from and its source,
    why its reports were merged (each linked pair, its score and the signals behind it)
    and the analysts' merges and splits about it.

    \b
    Example:
      sitrep show inc-1a2b3c4d5e6f7a8b
    """
    from sitrep.settings import load_settings
    from sitrep.store import open_store

    with open_store(load_settings(db=db).db_location(), create=False) as store:
        incident = store.incident(incident_id)
    if fmt == "json":
        click.echo(json.dumps(incident, ensure_ascii=False, indent=2, default=str))
        return
    _print_incident(incident)


def _print_incident(incident: dict[str, Any]) -> None:
    data = incident.get("data") or {}
    articles = {a["id"]: a for a in incident.get("articles", [])}
    lines = [f"{incident['id']}  {incident.get('event_type')} / {incident.get('sub_event_type')}"]
    lines.append(f"  realis {incident.get('realis')}, status {incident.get('status')}, "
                 f"{incident.get('n_reports')} reports from {incident.get('n_sources')} sources, "
                 f"first reported {incident.get('first_reported')}, last {incident.get('last_reported')}")
    when = data.get("date") or {}
    where = data.get("location") or {}
    lines.append(f"  date      {when.get('start')}..{when.get('end')} ({when.get('precision')}) \"{when.get('text', '')}\"")
    lines.append(f"  place     {where.get('name')}, {where.get('admin1')}, {where.get('country')} "
                 f"({where.get('lat')}, {where.get('lon')}; {where.get('precision')})")
    for category, count in (data.get("counts") or {}).items():
        if count:
            lines.append(f"  {category:<9} best {count.get('best')} (min {count.get('min')}, max {count.get('max')})"
                         f"{' approx' if count.get('approx') else ''} \"{count.get('text', '')}\"")
    for actor in data.get("perpetrators") or []:
        parent = f", part of {actor['parent']}" if actor.get("parent") else ""
        lines.append(f"  actor     {actor.get('name')} ({actor.get('attribution')}{parent}) as \"{actor.get('matched')}\"")
    number = {stored["id"]: n for n, stored in enumerate(incident.get("reports", []), 1)}
    for stored in incident.get("reports", []):
        report = stored.get("report") or {}
        article = articles.get(stored.get("article_id"), {})
        lines.append("")
        background = " [background]" if report.get("realis") == "background" else ""
        source = " ".join(str(x) for x in (article.get("outlet"), article.get("published")) if x)
        lines.append(f"  report {number[stored['id']]} {stored['id']}{background}: {article.get('title')} "
                     f"({source or 'no date'}) {article.get('url') or ''}".rstrip())
        for field_name, ev in (report.get("evidence") or {}).items():
            where = f"in: {ev.get('sentence')}" if ev.get("sentence") else "(the article's source, a guess)"
            lines.append(f"    {field_name:<16} \"{ev.get('phrase')}\" {where}")
    lines.extend(_why_merged(incident, number))
    click.echo("\n".join(lines))


def _why_merged(incident: dict[str, Any], number: dict[str, int]) -> list[str]:
    """The "why merged" and "decisions" sections of `sitrep show`."""
    lines: list[str] = []
    links = incident.get("links") or []
    if links:
        lines += ["", "  why merged (linked reports, score 0-1, and the points each signal gave):"]
        def order(link: dict[str, Any]) -> tuple[int, int]:
            ends = sorted((number.get(link["a"], 0), number.get(link["b"], 0)))
            return ends[0], ends[1]

        for link in sorted(links, key=order):
            signals = ", ".join(f"{name} {value:g}" for name, value in link["signals"])
            low, high = order(link)
            pair = f"report {low} + report {high}"
            lines.append(f"    {pair:<22} score {link['score']:.2f}  {signals}")
    elif len(number) > 1:
        lines += ["", "  why merged: no links stored (run `sitrep regroup` to record them)"]
    decisions = incident.get("decisions") or []
    if decisions:
        lines += ["", "  decisions:"]
        for decision in decisions:
            if decision["action"] == "merge":
                what = f"merge {' + '.join(decision['incident_ids'])}"
            else:
                what = f"split {decision['report_id']} out of {decision['incident_ids'][0]}"
            note = f": {decision['note']}" if decision.get("note") else ""
            lines.append(f"    #{decision['id']} {what}, by {decision['decided_by']} "
                         f"at {decision['decided_at'][:16]}Z{note}")
    return lines


def _login_name() -> str:
    import getpass

    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name in this environment
        return "unknown"


_by_option = click.option("--by", "decided_by", metavar="NAME", help="Who decides (default: your login name).")
_note_option = click.option("--note", metavar="TEXT", help="Why: kept with the decision and shown by `sitrep show`.")


@main.command()
@click.argument("first")
@click.argument("second")
@db_option
@_note_option
@_by_option
@_guarded
def merge(first: str, second: str, db: str | None, note: str | None, decided_by: str | None) -> None:
    """Make two incidents one, and keep them one in every later ingest.

    The decision (who, when, why) is recorded and pins the reports of both
    together; the merged incident keeps the older of the two ids. `sitrep show`
    lists it.

    \b
    Example:
      sitrep merge inc-1a2b3c4d5e6f7a8b inc-9f8e7d6c5b4a3f2e --note "same ambush, two spellings"
    """
    from sitrep.dedupe import regroup
    from sitrep.settings import load_settings
    from sitrep.store import open_store

    with open_store(load_settings(db=db).db_location(), create=False) as store:
        decision = store.merge_incidents(first, second, decided_by=decided_by or _login_name(), note=note)
        regroup(store)
        anchor = decision.pairs.must_link[0][0]
        merged = store.reports(ids=[anchor])[0].incident_id
        size = len(store.reports(incident_id=merged))
    click.echo(f"merged {first} and {second} into {merged} ({size} reports; decision #{decision.id})")


@main.command()
@click.argument("incident_id")
@click.argument("report_id")
@db_option
@_note_option
@_by_option
@_guarded
def split(incident_id: str, report_id: str, db: str | None, note: str | None, decided_by: str | None) -> None:
    """Take a report out of an incident into an incident of its own, and keep it out in every later ingest.

    REPORT_ID is one of the report ids `sitrep show INCIDENT_ID` lists. The decision
    (who, when, why) is recorded and keeps the report apart from the incident's other
    reports; `sitrep show` lists it.

    \b
    Example:
      sitrep split inc-1a2b3c4d5e6f7a8b rep-0123456789abcdef0123 --note "a different market"
    """
    from sitrep.dedupe import regroup
    from sitrep.settings import load_settings
    from sitrep.store import open_store

    with open_store(load_settings(db=db).db_location(), create=False) as store:
        decision = store.split_report(incident_id, report_id, decided_by=decided_by or _login_name(), note=note)
        regroup(store)
        (moved,) = store.reports(ids=[report_id])
        partners = [b if a == report_id else a for a, b in decision.pairs.cannot_link]
        others = {s.incident_id for s in store.reports(ids=partners) if s.incident_id}
    remaining = ", ".join(sorted(others))
    click.echo(f"report {report_id} is now incident {moved.incident_id}; the other reports are in "
               f"{remaining} (decision #{decision.id})")


@main.command()
@db_option
@click.option("--full", is_flag=True, help="Group every report again (after an upgrade of the deduplication rules).")
@_guarded
def regroup(db: str | None, full: bool) -> None:
    """Group stored reports into incidents (ingest does this after every run).

    Only reports not yet in an incident, and what they connect to, are looked at
    again; --full regroups everything and gives the same incidents. Analysts'
    merges and splits are kept.

    \b
    Example:
      sitrep regroup --full --db incidents.db
    """
    from sitrep.dedupe import regroup as run_regroup
    from sitrep.settings import load_settings
    from sitrep.store import open_store

    with open_store(load_settings(db=db).db_location(), create=False) as store:
        n = run_regroup(store, full=full)
    click.echo(f"{n} incidents in the store", err=True)


@main.command()
@db_option
@_filter_options
@click.option("--format", "fmt", type=click.Choice(["csv", "json", "geojson"]), default="csv", show_default=True)
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write to a file instead of standard output.")
@_guarded
def export(db: str | None, fmt: str, output: str | None, **filters: Any) -> None:
    """Export incidents as CSV (ACLED-like columns), JSON or GeoJSON.

    \b
    Example:
      sitrep export --format geojson -o incidents.geojson
    """
    from sitrep.export import write_csv, write_geojson, write_json
    from sitrep.settings import load_settings
    from sitrep.store import open_store

    flt = _incident_filter(**filters)
    with open_store(load_settings(db=db).db_location(), create=False) as store:
        found = store.incidents(flt)
    if fmt == "json":
        with open_store(load_settings(db=db).db_location(), create=False) as store:
            reports = _reports_by_incident(store, [i["id"] for i in found])

        def writer(items: Any, stream: Any) -> int:
            return write_json(items, stream, reports)
    else:
        writer = {"csv": write_csv, "geojson": write_geojson}[fmt]
    if output:
        with open(output, "w", encoding="utf-8", newline="") as stream:
            n = writer(found, stream)
        click.echo(f"wrote {n} incidents to {output}", err=True)
    else:
        writer(found, sys.stdout)


@main.command()
@click.argument("name")
@click.option("--data", type=click.Path(exists=True), help="A gold file (or folder) shaped like the shared one; every row in it is scored.")
@click.option("--limit", type=click.IntRange(min=1), help="Score only the first N rows.")
@click.option("--errors", "errors_path", type=click.Path(dir_okay=False, writable=True), help="Write every mismatch (text, gold, predicted) as JSON Lines.")
@click.option("--predictions", "predictions_path", type=click.Path(dir_okay=False, writable=True),
              help="muc4 only: write the predicted templates in the JSON form of the published template-filling systems.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@_guarded
def evaluate(
    name: str, data: str | None, limit: int | None, errors_path: str | None, predictions_path: str | None, fmt: str
) -> None:
    """Score extraction against a public gold set: wikipedia, isaf, ucdp, muc4 or gtd; or
    deduplication: ecbplus (documents grouped by the event they report, --data a folder) and
    ucdp-multi (headlines of one UCDP event grouped together).

    Without --data the shared gold data is read from $SITREP_GOLD_DATA or ../shared/data.
    Each metric shows how many rows it was scored on and how many were left out because
    the text could not support the field.

    \b
    Example:
      sitrep evaluate isaf --format json --errors isaf-errors.jsonl
    """
    from pathlib import Path

    from sitrep.api import default_extractor
    from sitrep.evaluate.core import run

    result = run(name, default_extractor(), data=data, limit=limit)
    if errors_path:
        result.write_errors(Path(errors_path))
    if predictions_path:
        predictions = getattr(result, "predictions", None)
        if predictions is None:
            raise SitrepError(f"--predictions is only for muc4, not {name}")
        from sitrep.evaluate.muc4 import write_templates

        write_templates(Path(predictions_path), predictions)
    if fmt == "json":
        click.echo(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        click.echo(result.table())


@main.command()
def settings() -> None:
    """List every setting with its value, default and help (set them as SITREP_<NAME>).

    \b
    Example:
      SITREP_SPACY_MODEL=en_core_web_sm sitrep settings
    """
    from sitrep.settings import Settings, load_settings

    try:
        current = load_settings()
    except SitrepError as exc:
        _fail(exc)
    for name, info in Settings.model_fields.items():
        click.echo(f"SITREP_{name.upper()} = {getattr(current, name)!r}  (default {info.default!r})")
        click.echo(f"    {info.description}")


if __name__ == "__main__":  # pragma: no cover
    main()
