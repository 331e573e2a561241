#!/usr/bin/env python3
"""Prepares libvirt domain XML as virtsync's corpus (see Tests/RealHostTests/Fixtures/corpus/NOTICE).

Usage: scripts/corpus/prepare.py VIRT-MANAGER-TESTS-DATA OUT-DIR [GENERATED-DIR]
VIRT-MANAGER-TESTS-DATA is tests/data of a virt-manager checkout; GENERATED-DIR what gen.py wrote.
One document per file, renamed @PREFIX@<file>, UUID dropped, type qemu, disks under @SCRATCH@;
kept only when `virsh define` accepts it on qemu:///system (each is undefined again). Rejections go
to OUT-DIR/../prep.log.
"""
import hashlib, os, re, sys

SRC = sys.argv[1]
OUT = sys.argv[2]
os.makedirs(OUT, exist_ok=True)

def docs_of(path):
    text = open(path, encoding="utf-8").read()
    return re.findall(r"<domain\b[^>]*>.*?</domain>", text, re.S)

def slugify(s):
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")

def prepare(doc, slug):
    doc = re.sub(r"<name>[^<]*</name>", "<name>@PREFIX@" + slug + "</name>", doc, count=1)
    doc = re.sub(r"\n?[ \t]*<uuid>[^<]*</uuid>", "", doc, count=1)
    doc = re.sub(r"^(<domain\b[^>]*\btype=)([\"'])(test|xen|kvm|qemu)\2", r"\1\2qemu\2", doc, count=1)
    doc = re.sub(r"<emulator>[^<]*</emulator>", "<emulator>/usr/bin/qemu-system-x86_64</emulator>", doc)
    counter = [0]
    def disk(m):
        block = m.group(0)
        if re.search(r"<source\b[^>]*\bpool=", block):
            return None
        def file(f):
            counter[0] += 1
            return 'file="@SCRATCH@/%s-%d.img"' % (slug, counter[0])
        return re.sub(r"\bfile=([\"'])[^\"']*\1", file, block)
    parts = []
    last = 0
    for m in re.finditer(r"[ \t]*<disk\b.*?</disk>\n?", doc, re.S):
        parts.append(doc[last:m.start()])
        replaced = disk(m)
        if replaced is not None:
            parts.append(replaced)
        last = m.end()
    parts.append(doc[last:])
    doc = "".join(parts)
    doc = re.sub(r"(<source\b[^>]*\bnetwork=)([\"'])[^\"']*\2", r"\1\2default\2", doc)
    return doc + "\n"

import libvirt  # Debian's python3-libvirt (run with /usr/bin/python3)

libvirt.registerErrorHandler(lambda _context, _error: None, None)
CONNECTION = libvirt.open("qemu:///system")


def define_ok(doc):
    """None when qemu:///system accepts the document (it is undefined again), else libvirt's message."""
    scratch = "/var/tmp/virtsync-corpus-prep"
    text = doc.replace("@PREFIX@", "vsprep-").replace("@SCRATCH@", scratch)
    try:
        domain = CONNECTION.defineXML(text)
    except libvirt.libvirtError as error:
        return str(error).replace("\n", " ")
    flags = libvirt.VIR_DOMAIN_UNDEFINE_NVRAM | libvirt.VIR_DOMAIN_UNDEFINE_MANAGED_SAVE
    domain.undefineFlags(flags)
    return None


sources = []
for d in ["cli/compare", "xmlparse", "testdriver"]:
    for f in sorted(os.listdir(os.path.join(SRC, d))):
        if f.endswith(".xml"):
            sources.append((d, f))
extra = sys.argv[3] if len(sys.argv) > 3 else None
if extra:
    for f in sorted(os.listdir(extra)):
        if f.endswith(".xml"):
            sources.append((os.path.abspath(extra), f))

seen = set()
kept = rejected = dup = 0
log = open(os.path.join(OUT, "..", "prep.log"), "w")
for d, f in sources:
    path = os.path.join(SRC, d, f) if not d.startswith("/") else os.path.join(d, f)
    base = slugify(os.path.splitext(f)[0].replace("virt-install-", "vi-").replace("virt-clone-", "vc-"))
    prefix = {"cli/compare": "", "xmlparse": "xp-", "testdriver": "td-"}.get(d, "")
    for i, doc in enumerate(docs_of(path)):
        if not re.search(r"<name>[^<]+</name>", doc):
            continue
        slug = prefix + base + ("" if i == 0 else "-%d" % (i + 1))
        slug = slug[:60]
        prepared = prepare(doc, slug)
        key = hashlib.sha256(re.sub(r"@PREFIX@[^<]*", "", re.sub(r"@SCRATCH@/[^\"']*", "", prepared)).encode()).hexdigest()
        if key in seen:
            dup += 1
            continue
        seen.add(key)
        err = define_ok(prepared)
        if err:
            rejected += 1
            print("REJECT %s: %s" % (slug, err), file=log)
            continue
        kept += 1
        open(os.path.join(OUT, slug + ".xml"), "w").write(prepared)
print("kept", kept, "rejected", rejected, "duplicates", dup)
