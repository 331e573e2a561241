#!/usr/bin/python3
"""virt-install --print-xml for many option combinations, in one process on one connection (qemu:///system).

Usage: scripts/corpus/gen.py [PER-OPTION-SET] [OUT-DIR]. Each line of opts.txt is run with PER-OPTION-SET
(default 6) --osinfo values; a run writes OUT-DIR/vi<NN>-<os>.xml and the command line beside it (.cmd).
Debian's /usr/bin/python3 (python3-gi) is needed: virtinst imports gi. Runs of one process reuse the
connection and its capabilities; separate virt-install runs took 10 to 30 s each on a busy host.
virt-install defines (and starts) a storage pool `virtsync-corpus-gen` for the image directory, even with
--dry-run: pool-destroy and pool-undefine it afterwards.
"""
import contextlib, io, os, sys, shlex, time
sys.path.insert(0, "/usr/share/virt-manager")
from virtinst import virtinstall, cli

out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/corpus/gen"
os.makedirs(out, exist_ok=True)
# virt-install wants the directory of a new disk image to exist, even under --dry-run.
os.makedirs("/var/tmp/virtsync-corpus-gen", exist_ok=True)
oses = "debian11 fedora37 rhel9.0 centos7.0 ubuntu22.04 win10 win2k19 rhel6.10 opensuse15.4 freebsd13.1 alpinelinux3.17 archlinux win7 generic".split()
opts = [l.strip() for l in open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "opts.txt"))
        if l.strip() and not l.startswith("#")]
conn = cli.getConnection("qemu:///system")
per = int(sys.argv[1]) if len(sys.argv) > 1 else 6
for i, opt in enumerate(opts):
    for k in range(per):
        os_ = oses[(i * 5 + k * 3) % len(oses)]
        n = "vi%02d-%s" % (i, os_)
        f = os.path.join(out, n + ".xml")
        if os.path.exists(f):
            continue
        o = opt.replace("@DISK@", "/var/tmp/virtsync-corpus-gen/%s.img" % n)
        argv = ["virt-install", "--connect", "qemu:///system", "--print-xml", "--dry-run", "--name", n,
                "--memory", "512", "--osinfo", os_, "--install", "no_install=yes"]
        if "--disk" not in o:
            argv += ["--disk", "none"]
        argv += shlex.split(o)
        open(os.path.join(out, n + ".cmd"), "w").write(shlex.join(argv) + "\n")
        sys.argv = argv
        buf = io.StringIO()
        t = time.time()
        try:
            with contextlib.redirect_stdout(buf):
                virtinstall.main(conn=conn)
            open(f, "w").write(buf.getvalue())
            print(n, "%.1fs" % (time.time() - t), flush=True)
        except BaseException as e:
            print(n, "FAILED", repr(e)[:200], flush=True)
