"""Trial of the two WARC readers, warcio and FastWARC, on a WARC written here (docs/inputs.md).

    python bench/warc_trial.py [--pages N]

Writes a gzipped WARC of N HTML responses (~25 KB each, our own filler text), each with its
request record, plus non-HTML and non-200 responses, then times each library at what storydiff
needs: every response record's target URI, HTTP status, Content-Type and payload bytes. Then
feeds both a damaged copy (garbage inside one record, the file cut short) and reports what each
does. Nothing is fetched; everything is made in a temporary folder.
"""

from __future__ import annotations

import argparse
import io
import tempfile
import time
from pathlib import Path

FILLER = "The harbour board met on Thursday to discuss the ferry timetable for the coming season. "


def write_warc(path: Path, pages: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(pages):
            url = f"https://news.example/{i}.html"
            body = f"<html><body><article><p>{FILLER * 280}</p></article></body></html>".encode()
            req = writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            writer.write_record(req)
            if i % 10 == 9:
                headers = StatusAndHeaders("200 OK", [("Content-Type", "image/jpeg")], protocol="HTTP/1.1")
                body = b"\xff\xd8" + bytes(5000)
            elif i % 10 == 8:
                headers = StatusAndHeaders(
                    "404 Not Found", [("Content-Type", "text/html")], protocol="HTTP/1.1"
                )
            else:
                headers = StatusAndHeaders(
                    "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
                )
            rec = writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=headers)
            writer.write_record(rec)


def read_warcio(path: Path) -> tuple[int, int]:
    from warcio.archiveiterator import ArchiveIterator

    n = size = 0
    with path.open("rb") as fh:
        for rec in ArchiveIterator(fh):
            if rec.rec_type != "response" or rec.http_headers is None:
                continue
            _ = rec.rec_headers.get_header("WARC-Target-URI")
            _ = rec.http_headers.get_statuscode(), rec.http_headers.get_header("Content-Type")
            size += len(rec.content_stream().read())
            n += 1
    return n, size


def read_fastwarc(path: Path) -> tuple[int, int]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    n = size = 0
    with path.open("rb") as fh:
        for rec in ArchiveIterator(fh, record_types=WarcRecordType.response, parse_http=True):
            _ = rec.headers.get("WARC-Target-URI")
            _ = rec.http_headers.status_code, rec.http_headers.get("Content-Type")
            size += len(rec.reader.read())
            n += 1
    return n, size


def damaged(path: Path, out: Path) -> None:
    data = bytearray(path.read_bytes())
    mid = len(data) // 2
    data[mid : mid + 200] = b"\x00garbage" * 25
    out.write_bytes(bytes(data[: len(data) - 3000]))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=2000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        warc = Path(tmp) / "trial.warc.gz"
        t = time.perf_counter()
        write_warc(warc, args.pages)
        took = time.perf_counter() - t
        print(f"wrote {args.pages} pages, {warc.stat().st_size / 1e6:.1f} MB, in {took:.1f} s")
        readers = [("warcio", read_warcio)]
        try:
            import fastwarc  # noqa: F401 - not a dependency: pip install fastwarc for the trial
        except ImportError:
            print("fastwarc is not installed (pip install fastwarc): timing warcio alone")
        else:
            readers.append(("fastwarc", read_fastwarc))
        for name, reader in readers:
            best = min(_timed(reader, warc) for _ in range(3))
            n, size = reader(warc)
            print(f"{name:9s} {best:6.2f} s  {n} responses, {size / 1e6:.1f} MB of payload")
        bad = Path(tmp) / "damaged.warc.gz"
        damaged(warc, bad)
        for name, reader in readers:
            try:
                n, _ = reader(bad)
                print(f"{name:9s} damaged copy: no error, {n} responses read")
            except Exception as exc:  # the point: what each raises
                print(f"{name:9s} damaged copy: {exc.__class__.__module__}.{exc.__class__.__name__}: {exc}")


def _timed(reader, path: Path) -> float:
    t = time.perf_counter()
    reader(path)
    return time.perf_counter() - t


if __name__ == "__main__":
    main()
