#!/usr/bin/env python3
"""Writes Pageframe's bundled notebooks (nbformat 4.5) from the cell texts below.

Run from anywhere:  python3 notebooks/build_notebooks.py            (rewrites the .ipynb files)
                    python3 notebooks/build_notebooks.py --check    (only verifies they are current)
Edit the cells here, not the .ipynb files: the files are rewritten canonically (sorted keys,
1-space indent, source split after each newline, no outputs) so diffs stay small.
"""

import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

KERNELSPEC = {"name": "pageframe-java", "display_name": "Java (Pageframe)", "language": "java"}
ID_RE = re.compile(r"^[a-zA-Z0-9-_]{1,64}$")


def md(cell_id, text):
    return {"id": cell_id, "cell_type": "markdown", "metadata": {}, "source": text}


def code(cell_id, text):
    return {"id": cell_id, "cell_type": "code", "metadata": {}, "source": text,
            "outputs": [], "execution_count": None}


def lines(text):
    """Source as Jupyter writes it: split after each newline, no trailing newline at the end."""
    text = text.strip("\n")
    return text.splitlines(keepends=True)


def notebook(profile, memory, cells):
    ids = [c["id"] for c in cells]
    for i in ids:
        if not ID_RE.match(i):
            raise SystemExit(f"bad cell id {i!r}")
    dupes = {i for i in ids if ids.count(i) > 1}
    if dupes:
        raise SystemExit(f"duplicate cell ids: {sorted(dupes)}")
    out = []
    for c in cells:
        c = dict(c)
        c["source"] = lines(c["source"])
        out.append(c)
    return {
        "cells": out,
        "metadata": {
            "kernelspec": KERNELSPEC,
            "language_info": {"name": "java"},
            "pageframe": {"machine": {"profile": profile, "memory": memory}},
        },
        "nbformat": 4,
        "nbformat_minor": 5,
    }


def write(name, nb, check=False):
    """Writes the notebook canonically; with check=True only reports whether the file is current."""
    path = os.path.join(HERE, name)
    text = json.dumps(nb, sort_keys=True, indent=1, ensure_ascii=False) + "\n"
    if check:
        try:
            with open(path, encoding="utf-8") as f:
                current = f.read() == text
        except FileNotFoundError:
            current = False
        print(f"{'up to date' if current else 'OUT OF DATE'}: {os.path.relpath(path)}")
        return current
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(path)} ({len(nb['cells'])} cells)")
    return True


# --------------------------------------------------------------------------------------------
# tour.ipynb: opens when Pageframe starts with no file
# --------------------------------------------------------------------------------------------

TOUR = [
    md("welcome", r"""
# Welcome to Pageframe

Pageframe is a notebook for learning how the Linux kernel hands out memory. Each notebook runs
on a **simulated machine**: this one is a 64-bit PC with 1 GiB of RAM running a modern kernel.
Its memory is a model, not your computer's, so nothing you do here can crash anything. Go ahead
and misuse the allocators.

The grey boxes are **code cells** written in Java. The functions they call have the kernel's
own names and arguments: `kmalloc(size, GFP_KERNEL)`, `__get_free_pages(gfp, order)`,
`vfree(addr)`, and so on. Addresses are plain `long`s, and `cat("/proc/...")` prints the same
files a real kernel would show you.

**How to run:** click a code cell and press **Shift+Enter**. The cell runs and the cursor moves on
to the next one. Run the cells in order, because later cells use variables from earlier ones. If
things get muddled, restart the machine from the toolbar and begin again.
"""),
    md("boot-log-intro", r"""
## The machine boots

Every machine starts with a kernel log. `dmesg()` prints it. The last line says how much memory
the kernel kept for itself (its code and data, plus the first megabyte, which the firmware
owns) and how much it gave to the page allocator.
"""),
    code("boot-log", r"""
dmesg();
"""),
    md("buddyinfo-intro", r"""
## Free memory is kept in power-of-two blocks

The page allocator (also called the *buddy allocator*) does not track free pages one by one. It
keeps free **blocks** of 1, 2, 4, 8, … 1024 pages. A block of 2<sup>n</sup> pages has
**order** n. `/proc/buddyinfo` shows how many free blocks each zone has at each order: the first
column is order 0 (4 KiB blocks) and the last is order 10 (4 MiB blocks).

On a freshly booted machine almost everything sits in order-10 blocks.
"""),
    code("buddyinfo-before", r"""
cat("/proc/buddyinfo");
"""),
    md("first-allocation-intro", r"""
## Your first allocation

`__get_free_pages(GFP_KERNEL, 3)` asks for 2<sup>3</sup> = 8 physically contiguous pages
(32 KiB). `GFP_KERNEL` says "I am ordinary kernel code and I may sleep while you find memory".
The result is a kernel virtual address, or 0 if the request failed. `virt_to_phys` turns it into
the physical address the RAM chips see.
"""),
    code("first-allocation", r"""
long buf = __get_free_pages(GFP_KERNEL, 3);     // 8 contiguous pages
System.out.printf("virtual address  0x%x%n", buf);
System.out.printf("physical address 0x%x (page frame number %d)%n", virt_to_phys(buf), virt_to_phys(buf) >> PAGE_SHIFT);
cat("/proc/buddyinfo");
"""),
    md("split-explained", r"""
Compare the DMA32 line with the one before. There is one order-10 block fewer, and there is
a new free block at each of orders 3 to 9. No block of order 3 was free, so the allocator took
an order-10 block and **split** it in half again and again. Each time it kept the lower half and
put the upper half on the free list one order down. It stopped at order 3 and handed that
block to you.

When you free the block, the reverse happens. If its **buddy** (the other half of the block it
was split from) is free too, the two **merge**, and the merge repeats at each order above.
"""),
    code("free-and-merge", r"""
free_pages(buf, 3);
cat("/proc/buddyinfo");
System.out.println("splits so far: " + vmstat().get("buddy_splits") + ", merges: " + vmstat().get("buddy_merges"));
"""),
    md("wrong-order-intro", r"""
The kernel does not remember for you how big a page allocation was: you pass the order again
to `free_pages`. Pass the wrong one and the kernel reports a *bad page state* bug. In
Pageframe a misuse like this throws a `KernelBugException` that carries the kernel's report. The
cell below catches it so the notebook keeps running.
"""),
    code("wrong-order", r"""
long two = __get_free_pages(GFP_KERNEL, 1);   // order 1: two pages
try {
    free_pages(two, 0);                       // wrong order
} catch (KernelBugException e) {
    System.out.println(e.getMessage());
}
free_pages(two, 1);                           // the right way
"""),
    md("kmalloc-intro", r"""
## kmalloc: small objects

Most kernel code needs a few dozen or a few hundred bytes, not whole pages. `kmalloc(size, gfp)`
serves those from **size classes**: caches of equal-sized objects carved out of pages. A request
is rounded up to the class that fits it, and `ksize` tells you how much you really got. The
difference is wasted.
"""),
    code("kmalloc-classes", r"""
long[] sizes = {1, 8, 9, 60, 65, 100, 129, 200, 300, 700, 1500, 3000, 5000, 9000};
System.out.println("request  class          ksize  wasted");
for (long size : sizes) {
    long p = kmalloc(size, GFP_KERNEL);
    long real = ksize(p);
    String cls = kmalloc_cache_name(size);
    System.out.printf("%7d  %-12s %7d  %5.1f%%%n", size, cls == null ? "(pages)" : cls, real, 100.0 * (real - size) / real);
    kfree(p);
}
"""),
    md("kmalloc-classes-explained", r"""
Most classes are powers of two. The 96- and 192-byte classes exist because many objects are a
little over 64 or 128 bytes. Without them, a 65-byte object would waste almost half of a
128-byte slot. Above 8 KiB there are no classes: kmalloc asks the page allocator for whole pages,
so a 9000-byte request takes four pages (16 KiB).

`/proc/slabinfo` shows the caches themselves. Let's allocate a hundred 100-byte objects and look
at the `kmalloc-128` line. Expect 100 active objects in 128 slots: 32 objects of 128 bytes fit in
a one-page slab, so four pages hold them all.
"""),
    code("slabinfo", r"""
long[] objs = new long[100];
for (int i = 0; i < objs.length; i++) {
    objs[i] = kmalloc(100, GFP_KERNEL);
}
proc("/proc/slabinfo").lines()
    .filter(l -> l.startsWith("# name") || l.startsWith("kmalloc-128 "))
    .forEach(System.out::println);
for (long o : objs) {
    kfree(o);
}
"""),
    md("vmalloc-intro", r"""
## vmalloc: big, but only virtually contiguous

A 1 MiB buffer from kmalloc needs 256 physically contiguous pages: an order-8 block. On a busy
machine a block that large can be hard to find. `vmalloc` takes a different route. It allocates
256 separate pages, wherever they happen to be, and maps them one after another into a
dedicated range of kernel virtual addresses. The buffer looks contiguous to the CPU but not to
the RAM. That has a cost: one page-table entry per page, and more time per allocation.
"""),
    code("vmalloc-vs-kmalloc", r"""
long t0 = now_ns();
long k = kmalloc(1 << 20, GFP_KERNEL);
long t1 = now_ns();
long v = vmalloc(1 << 20);
long t2 = now_ns();
System.out.printf("kmalloc: 0x%x  in the direct map, %6d ns%n", k, t1 - t0);
System.out.printf("vmalloc: 0x%x  in the vmalloc area, %6d ns%n", v, t2 - t1);
for (int i = 0; i < 4; i++) {
    System.out.printf("  vmalloc page %d is page frame 0x%x%n", i, vmalloc_to_pfn(v + i * PAGE_SIZE));
}
cat("/proc/vmallocinfo");
kfree(k);
vfree(v);
"""),
    md("vmalloc-explained", r"""
Look at the page frames: some are neighbours and some are not, and vmalloc promises nothing
either way. The [DMA and vmalloc notebook](dma-and-vmalloc.ipynb) scatters them on purpose. The
size in
`/proc/vmallocinfo` is one page larger than you asked for. That extra page is an unmapped
**guard page**, so a buffer overrun faults instead of silently corrupting the next area. Each
kind of memory went back to its own allocator: `kfree` for kmalloc, `vfree` for vmalloc.
"""),
    md("context-intro", r"""
## Where you are matters: interrupt context

An interrupt handler runs on top of whatever the CPU was doing. It must never sleep, because
there is no task to put to sleep and nothing would wake it. `GFP_KERNEL` allows the allocator to
sleep, for example to wait while memory is reclaimed. `GFP_ATOMIC` never sleeps: it succeeds or
fails at once, and it may dip into a small emergency reserve.

`in_interrupt(() -> { ... })` runs its body as an interrupt handler on the simulated CPU. The
kernel checks the context for you, just as a kernel built with sleep-debugging checks does.
"""),
    code("interrupt-context", r"""
in_interrupt(() -> {
    long ok = kmalloc(256, GFP_ATOMIC);
    System.out.printf("GFP_ATOMIC in the handler: 0x%x%n", ok);
    kfree(ok);
    try {
        kmalloc(256, GFP_KERNEL);
    } catch (KernelBugException e) {
        System.out.println("GFP_KERNEL in the handler was refused:");
        System.out.println(e.getMessage());
    }
});
"""),
    md("spinlock-intro", r"""
The same rule applies while you hold a spinlock, because other CPUs are spinning and waiting for
you to let go. Always release the lock before the cell ends: a notebook cell is like a return to
user space, and a lock still held there is reported.
"""),
    code("spinlock", r"""
var lock = DEFINE_SPINLOCK("my_dev_lock");
spin_lock(lock);
long node = kmalloc(64, GFP_ATOMIC);      // fine under a lock
spin_unlock(lock);
kfree(node);
System.out.printf("allocated and freed 0x%x while holding %s%n", node, "my_dev_lock");
"""),
    md("fragmentation-intro", r"""
## Fragmentation: free memory you cannot use

The buddy allocator can only merge neighbours. Suppose the kernel fills memory with single
pages and then frees every other one. Half the memory is free again, yet no two free pages
are buddies, so no block larger than one page can form. The `fragment` workload does exactly
that with 97% of the free memory. It takes a second or so.
"""),
    code("fragment", r"""
System.out.println(fragment(0.97, 42));
cat("/proc/buddyinfo");
proc("/proc/meminfo").lines().filter(l -> l.startsWith("MemFree")).forEach(System.out::println);
"""),
    md("indices-intro", r"""
About half a gigabyte is free, and nearly all of it sits in the order-0 column. The kernel
measures this in two ways (see [fragmentation](../content/fragmentation.md) in the docs):

* the **unusable free index** for an order is the share of free memory that lies in blocks too
  small for that order. 0.970 means 97% of free memory is useless to a request of that order;
* the **fragmentation index** explains why a request of that order *would fail*. Values near 0
  mean memory is simply short; values near 1 mean it is fragmented. −1.000 means "it would not
  fail: a big enough block is still free".
"""),
    code("indices", r"""
cat("/sys/kernel/debug/extfrag/unusable_index");
cat("/sys/kernel/debug/extfrag/extfrag_index");
"""),
    md("grab-big-blocks-intro", r"""
The fragmentation index still reads −1.000 because the 3% we left alone is still in big blocks.
A long-running system soon uses those up too. The next cell takes every block of two or more
pages it can find. `__GFP_NORETRY` and `__GFP_NOWARN` tell the allocator to give up quietly when
none are left.
"""),
    code("grab-big-blocks", r"""
import java.util.*;
List<Long> held = new ArrayList<>();
long blk;
while ((blk = __get_free_pages(GFP_KERNEL | __GFP_NORETRY | __GFP_NOWARN, 1)) != 0) {
    held.add(blk);
}
System.out.println("took " + held.size() + " order-1 blocks");
cat("/proc/buddyinfo");
cat("/sys/kernel/debug/extfrag/extfrag_index");
"""),
    md("order4-intro", r"""
In DMA32 the fragmentation index now climbs towards 1 as the order grows. Memory is plentiful
but shattered. Look at the DMA zone: it still has large blocks, because it keeps a reserve
(`lowmem_reserve`) that requests able to use DMA32 may not touch. Now a driver asks for 16
contiguous pages from an interrupt handler:
"""),
    code("order4", r"""
in_interrupt(() -> {
    long rx = __get_free_pages(GFP_ATOMIC, 4);
    System.out.printf("order-4 GFP_ATOMIC: 0x%x with %d pages free%n", rx, nr_free_pages());
});
kernel().log().lines().stream()
    .filter(l -> l.contains("page allocation failure") || l.contains("Node 0 DMA32:"))
    .forEach(System.out::println);
"""),
    md("order4-explained", r"""
The request failed (address 0) with more than 120,000 pages free. The kernel log holds the
*page allocation failure* warning that a real kernel prints in this situation, with each zone's
free blocks listed by size: thousands of 4 KiB pieces and nothing bigger.
"""),
    md("next", r"""
## Where to go next

You have now split and merged buddy blocks, seen kmalloc's size classes, compared vmalloc with
kmalloc, broken the interrupt-context rule safely, and fragmented a machine. Restart the machine
to get a clean one.

* **Notebooks:** [Linux 1.2: boot-time reservation](linux-1.2-boot-reservation.ipynb) (built-in
  drivers carving memory from `memory_start`), [Linux 2.0: get_free_page](linux-2.0-get-free-page.ipynb)
  (the 1996 world of priorities, buckets and the reserve), [watermarks and reclaim](watermarks-and-reclaim.ipynb)
  (kswapd, direct reclaim, the OOM killer), [DMA and vmalloc](dma-and-vmalloc.ipynb).
* **Docs:** open the documentation pane for concept pages (the buddy allocator, GFP flags,
  fragmentation, …) and one page per function. Hover over a function name in a cell to see its
  one-line summary.
"""),
]

# --------------------------------------------------------------------------------------------
# linux-2.0-get-free-page.ipynb
# --------------------------------------------------------------------------------------------

LINUX20 = [
    md("title", r"""
# Linux 2.0: get_free_page and friends

This notebook runs on a 1996 PC: an i386 with **16 MiB** of RAM running **Linux 2.0.40**. The
rules are older and simpler than today's. There are no GFP bit masks, only a handful of
*priorities*. There are six block orders instead of eleven, one global reserve instead of
per-zone watermarks, and kmalloc uses fixed buckets with a header inside each block.

In 2.0 on the PC, the kernel's data segment made kernel addresses numerically equal to physical
ones, and Pageframe's 2.0 profile does the same. An address like `0x196000` really is 1 MiB +
600 KiB into RAM.

Cells call `expect(...)` to check an answer against the number the 2.0 sources give. A wrong
answer stops the notebook.
"""),
    code("expect", r"""
void expect(boolean ok, String what) {
    if (!ok) throw new AssertionError("not as in Linux 2.0: " + what);
    System.out.println("ok: " + what);
}
"""),
    code("boot", r"""
dmesg();
cat("/proc/meminfo");
"""),
    md("boot-log-explained", r"""
The log has no timestamps: 2.0's `printk` did not add them. The `Memory:` line is the one
`mem_init` printed, in its own shape: free memory, all memory, then the kernel's code, the
*reserved* 384k of the ISA hole between 640 KiB and 1 MiB, and the kernel's data. The version
banner comes after it, as it did.
"""),
    md("priorities-intro", r"""
## Priorities, not flags

A 2.0 caller passed a single small number that said *who is asking*. Only one extra bit existed:
`GFP_DMA`, which asked for memory an ISA card can reach.

| priority | who used it | may it wait for memory? |
|---|---|---|
| `GFP_BUFFER` | the buffer cache growing itself | no: it never reclaims, or it would recurse into itself |
| `GFP_ATOMIC` | interrupt handlers | no, and it may take the last free pages |
| `GFP_USER` | memory for user processes | yes |
| `GFP_KERNEL` | ordinary kernel code | yes |
| `GFP_NOBUFFER` | kernel code that must not shrink the buffer cache | yes, but not from the buffer cache |
| `GFP_NFS` | the NFS client | yes, and it may go deeper into the reserve than others |
| `GFP_IO` | block I/O on its way to disk (new in 2.0.3x) | yes, and like `GFP_BUFFER` it may go a little deeper |
"""),
    code("priorities", r"""
int[] priorities = {GFP_BUFFER, GFP_ATOMIC, GFP_USER, GFP_KERNEL, GFP_NOBUFFER, GFP_NFS, GFP_IO, GFP_KERNEL | GFP_DMA};
for (int p : priorities) {
    System.out.printf("%-18s = 0x%02x%n", Gfp20.names(p), p);
}
expect(GFP_IO == 0x06, "GFP_IO is 0x06");
"""),
    md("orders-intro", r"""
## Six orders: 4 KiB to 128 KiB

2.0 kept free lists for orders 0 to 5, so the largest block was 32 pages (128 KiB). That is why
`/proc/buddyinfo` has six columns here. (The file did not exist in 1996. Pageframe shows it
anyway because it is the clearest view of the same lists.) Let's ask for every order, plus one
too many:
"""),
    code("orders", r"""
cat("/proc/buddyinfo");
for (int order = 0; order <= 6; order++) {
    long addr = __get_free_pages(GFP_KERNEL, order);
    System.out.printf("order %d (%3d KiB): 0x%08x%n", order, (PAGE_SIZE << order) / 1024, addr);
    if (addr != 0) {
        free_pages(addr, order);
    }
}
expect(__get_free_pages(GFP_KERNEL, 6) == 0, "order 6 returns 0");
"""),
    md("order6-explained", r"""
Order 6 returned **0**, silently. 2.0 checked the order against the number of free lists before
anything else and returned nothing. Every caller had to check for 0, and the same holds today
(today an order that is too large also leaves a one-time warning in the log).
"""),
    md("clearing-intro", r"""
## get_free_page clears, __get_free_page does not

In 2.0, `get_free_page(priority)` returned a page filled with zeros, and `__get_free_page`
returned it exactly as the last user left it. Clearing 4 KiB meant a `memset` at 1996 memory
speeds, which cost far more than finding the page. Pageframe charges simulated time for both, and
`now_ns()` reads the simulated clock.
"""),
    code("clearing-cost", r"""
long t0 = now_ns();
long raw = __get_free_page(GFP_KERNEL);
long t1 = now_ns();
long clean = get_free_page(GFP_KERNEL);
long t2 = now_ns();
System.out.printf("__get_free_page: %6d ns%n", t1 - t0);
System.out.printf("get_free_page:   %6d ns (almost all of it clearing %d bytes)%n", t2 - t1, PAGE_SIZE);
free_page(raw);
free_page(clean);
"""),
    md("clearing-explained", r"""
That is why 2.0 code used `__get_free_page` whenever it was about to overwrite the whole page
anyway. Modern kernels call the clearing variant `get_zeroed_page`, and `get_free_page` is gone:
on a modern profile a cell that calls it does not compile, and the error names
`get_zeroed_page`.
"""),
    md("reserve-intro", r"""
## One global reserve, sized from all of memory

2.0 had a single pool of free pages with one reserve, `min_free_pages`. `free_area_init` sized it
from *all* of memory, not from what was left free after boot: 1/128 of the pages, at least 24,
plus another 24. On this 16 MiB machine that is 4096 / 128 = 32, plus 24: **56** pages. kswapd's
low mark is 1.5 times that (84) and its high mark twice (112).

The extra 24 is slack for two priorities. Once the reserve is 48 or more, `GFP_BUFFER` and
`GFP_IO` may dig 12 + min/8 pages deeper: down to 56 - 19 = **37**. `GFP_NFS` may go down to 5,
and `GFP_ATOMIC` may take the very last page.
"""),
    code("reserve-numbers", r"""
var z = zones().get(0);
System.out.printf("min_free_pages %d, free_pages_low %d, free_pages_high %d%n", z.min(), z.low(), z.high());
expect(z.min() == 56 && z.low() == 84 && z.high() == 112, "16 MiB gives 56/84/112");
"""),
    md("reserve-run-intro", r"""
The next cell fills memory with each priority in turn and counts how far each one gets.
"""),
    code("reserve", r"""
import java.util.*;
List<Long> taken = new ArrayList<>();
long pg;
int kernelPages = 0, bufferPages = 0, nfsPages = 0, atomicPages = 0;
while ((pg = __get_free_page(GFP_KERNEL)) != 0) { taken.add(pg); kernelPages++; }
System.out.printf("GFP_KERNEL took %5d pages, then stopped with %2d free: %s%n", kernelPages, nr_free_pages(), last_slowpath());
long afterKernel = nr_free_pages();
while ((pg = __get_free_page(GFP_BUFFER)) != 0) { taken.add(pg); bufferPages++; }
System.out.printf("GFP_BUFFER took %5d more,  then stopped with %2d free%n", bufferPages, nr_free_pages());
long afterBuffer = nr_free_pages();
while ((pg = __get_free_page(GFP_NFS)) != 0) { taken.add(pg); nfsPages++; }
System.out.printf("GFP_NFS    took %5d more,  then stopped with %2d free%n", nfsPages, nr_free_pages());
long afterNfs = nr_free_pages();
while ((pg = __get_free_page(GFP_ATOMIC)) != 0) { taken.add(pg); atomicPages++; }
System.out.printf("GFP_ATOMIC took %5d more,  then stopped with %2d free%n", atomicPages, nr_free_pages());
expect(afterKernel == 56, "GFP_KERNEL stops at min_free_pages (56)");
expect(afterBuffer == 37, "GFP_BUFFER stops 12 + 56/8 = 19 pages deeper (37)");
expect(afterNfs == 5, "GFP_NFS stops at 5");
expect(nr_free_pages() == 0, "GFP_ATOMIC takes the last page");
for (long a : taken) {
    free_page(a);
}
System.out.println("all given back: " + nr_free_pages() + " pages free");
"""),
    md("dma-intro", r"""
## DMA pages

An ISA card drives 24 address lines, so it can only reach the first 16 MiB of memory.
`__get_dma_pages(priority, order)` is `__get_free_pages` with `GFP_DMA` added. On this 16 MiB
machine *all* memory is below 16 MiB, so every page qualifies. On a 32 MiB machine of the same
era, the flag decided whether the sound card could see your buffer. (2.0 had no DMA-mapping API;
Pageframe offers today's `dma_map_single` on every profile so the check reads the same: a driver
tests the result with `dma_mapping_error`.)
"""),
    code("dma", r"""
Device sb16 = isa_device("sb16");
long dmabuf = __get_dma_pages(GFP_KERNEL, 2);    // 16 KiB for an ISA sound card
long bus = dma_map_single(sb16, dmabuf, 4 * PAGE_SIZE);
if (dma_mapping_error(sb16, bus) != 0) {
    System.out.println("the card cannot reach this buffer");
} else {
    System.out.printf("DMA buffer at 0x%x, bus address 0x%x%n", dmabuf, bus);
}
expect(bus + 4 * PAGE_SIZE <= 16 << 20, "the buffer is below 16 MiB");
free_pages(dmabuf, 2);
"""),
    md("kmalloc-intro", r"""
## kmalloc's buckets

2.0's kmalloc had a fixed list of bucket sizes. Small buckets shared a page, behind a 16-byte
page descriptor: 32, 64, 128, 252, 508, 1020 and 2040 bytes. From there up, each block got pages
of its own: 4080 bytes up to 131056 bytes, one block per order-0 to order-5 allocation. Every block
also began with an 8-byte header, so a request had to fit in the bucket size *minus 8*. A 25-byte
request does not fit the 32-byte bucket.
"""),
    code("buckets", r"""
long[] requests = {1, 24, 25, 56, 100, 244, 500, 1000, 2032, 2033, 4072, 4073, 131048};
System.out.println("request  bucket        usable");
for (long size : requests) {
    long p = kmalloc(size, GFP_KERNEL);
    System.out.printf("%7d  %-12s %7d%n", size, kmalloc_cache_name(size), ksize(p));
    kfree(p);
}
expect(kmalloc_cache_name(25).equals("size-64"), "25 bytes plus the header miss size-32");
"""),
    md("buckets-explained", r"""
Look at 2033 bytes. It misses the 2040-byte bucket by one byte once the header is counted, so it
takes a whole page. A 4073-byte request takes *two* pages. 2.0 drivers learned to size their
structures to fit these buckets.
"""),
    md("too-large-intro", r"""
Above the largest bucket, kmalloc had nothing to offer. It printed **"kmalloc of too large a
block"** and returned NULL, like any other failure: the caller checks for 0.
"""),
    code("too-large", r"""
long big = kmalloc(131049, GFP_KERNEL);
if (big == 0) {
    System.out.println("kmalloc failed: the driver would return -ENOMEM");
}
dmesg("too large");
expect(big == 0, "kmalloc of 131049 bytes returns 0");
"""),
    md("irq-intro", r"""
## Calling from an interrupt with the wrong priority

If an interrupt handler asked for memory with any priority other than `GFP_ATOMIC`, 2.0 logged a
complaint and treated the request as atomic. But only **four times**: a static counter in
`__get_free_pages` (and another one in `kmalloc`) stopped both the message and the correction from
the fifth call on. After that, a handler's `GFP_KERNEL` request stayed `GFP_KERNEL`, silently.
"""),
    code("irq-count", r"""
for (int i = 1; i <= 6; i++) {
    in_interrupt(() -> {
        long p = __get_free_page(GFP_KERNEL);
        free_page(p);
    });
}
dmesg("nonatomically");
expect(kernel().dmesg("gfp called nonatomically").lines().count() == 4, "four warnings for six calls");
"""),
    md("irq-sleep-intro", r"""
While memory is plentiful the unforced request still succeeds, so the bug hides. When free
memory is at the reserve, a `GFP_KERNEL` request must reclaim, and reclaim waits for I/O: the
handler calls the scheduler in interrupt context. The kernel could only say "Aiee". Pageframe
reports it as the bug it is:
"""),
    code("irq-sleep", r"""
List<Long> held = new ArrayList<>();
while (nr_free_pages() > 50) held.add(__get_free_page(GFP_ATOMIC));
try {
    in_interrupt(() -> __get_free_page(GFP_KERNEL));
} catch (KernelBugException e) {
    e.report().forEach(System.out::println);
    System.out.println(e.summary());
}
for (long a : held) free_page(a);
expect(kernel().dmesg().contains("Aiee: scheduling in interrupt"), "the fifth call was not forced");
"""),
    md("boot-intro", r"""
## Boot memory in 2.0: only the core takes memory_start

Before `mem_init` handed memory to the page allocator, start-up code kept a single pointer,
`memory_start`, just past the kernel image. In Linux 1.2 every built-in driver got it too (see the
[Linux 1.2 notebook](linux-1.2-boot-reservation.ipynb)). In 2.0 only core initialisation still
does: paging, the console, PCI, kmalloc, the inode, file and name caches. Drivers are started
later, by `device_setup()`, without it. `boot_chain()` shows who had the pointer:
"""),
    code("boot-chain", r"""
boot_chain().forEach(System.out::println);
expect(boot_chain().stream().noneMatch(BootStep::driver), "no driver in 2.0's chain");
"""),
    code("builtin-refused", r"""
try {
    reboot(builtin_init("ramdisk", (mem_start, mem_end) -> mem_start + 64 * 1024));
} catch (IllegalStateException e) {
    System.out.println(e.getMessage());
}
"""),
    md("mem-intro", r"""
## The other trick: mem=

A 2.0 driver that wanted a big buffer of its own (a frame grabber, a large RAM disk) used the boot
option **mem=**. Booted with `mem=14M` on a 16 MiB machine, the kernel believes it has 14 MiB and
never touches the rest. The driver, told where RAM really ends, uses what lies above directly
(here 1 MiB of the 2 MiB; the other MiB stays unused by anyone). No
allocator manages that memory: it is never freed, and only built-in code that knows the address
can use it.
"""),
    code("mem-option", r"""
reboot_mem("mem=14M", above_mem_init("framegrabber", 1 << 20));
long grab = above_mem_address("framegrabber");
System.out.printf("frame buffer at 0x%x, right at mem=14M, 1024 KiB that no allocator knows about%n", grab);
dmesg("Memory:");
var z14 = zones().get(0);
System.out.printf("min_free_pages now %d: sized from the 14 MiB the kernel knows%n", z14.min());
expect(grab == 14 << 20, "the driver's memory starts at mem=");
expect(z14.min() == 28 + 24, "3584 pages / 128 = 28, plus 24");
"""),
    code("mem-never-freed", r"""
long before = nr_free_pages();
free_pages(grab, 0);
System.out.printf("free pages before %d, after %d: above high_memory, free_pages does nothing%n", before, nr_free_pages());
expect(before == nr_free_pages(), "memory above mem= is never freed");
"""),
    md("module-intro", r"""
A driver built as a **module** loads long after boot. By then `mem_init` has given all memory
to the page allocator. Registering a module's init function for boot is refused:
"""),
    code("module-refused", r"""
try {
    reboot(module_init("ftape", (mem_start, mem_end) -> mem_start + 32 * 1024));
} catch (KernelBugException e) {
    System.out.println(e.getMessage());
}
"""),
    md("outro", r"""
## What happened next

The `memory_start` hand-off was simple but rigid. Memory taken this way could never come back,
only built-in code could use it, and each user depended on the order of the init calls. Linux
2.3 replaced it with the *bootmem* allocator, and today's kernels use *memblock*. Early code can
still reserve memory before the buddy allocator starts, but through a proper interface that can
also free what it no longer needs. Read [boot-time reservation](../content/boot-reservation.md)
for the whole story, and compare with the modern machine in the
[tour](tour.ipynb) and [watermarks and reclaim](watermarks-and-reclaim.ipynb).
"""),
]

# --------------------------------------------------------------------------------------------
# linux-1.2-boot-reservation.ipynb
# --------------------------------------------------------------------------------------------

LINUX12 = [
    md("title", r"""
# Linux 1.2: boot-time reservation

This notebook runs on a 1995 PC: an i386 with **16 MiB** of RAM running **Linux 1.2.13**. In
this kernel, built-in drivers took their big buffers at boot, straight from the pointer
`memory_start`, before the page allocator existed. Its memory rules are close to 2.0's but not
the same: cells check each answer with `expect(...)` against the 1.2 sources.
"""),
    code("expect", r"""
void expect(boolean ok, String what) {
    if (!ok) throw new AssertionError("not as in Linux 1.2: " + what);
    System.out.println("ok: " + what);
}
dmesg();
"""),
    md("reserve-intro", r"""
## The reserve: 1/64 of memory, and no kswapd

1.2's `free_area_init` kept 1/64 of all pages back, at least 16: 4096 / 64 = **64** on this
machine. There was no kswapd yet, so no low and high marks either. `GFP_BUFFER` never reclaims and
has no deeper reach (that came with 2.0.3x), and there is no `GFP_IO`.
"""),
    code("reserve", r"""
var z = zones().get(0);
System.out.printf("min_free_pages %d, low %d, high %d%n", z.min(), z.low(), z.high());
expect(z.min() == 64, "16 MiB / 64 = 64 pages");
import java.util.*;
List<Long> taken = new ArrayList<>();
long pg;
while ((pg = __get_free_page(GFP_KERNEL)) != 0) taken.add(pg);
long afterKernel = nr_free_pages();
while ((pg = __get_free_page(GFP_BUFFER)) != 0) taken.add(pg);
expect(afterKernel == 64 && nr_free_pages() == 64, "GFP_KERNEL and GFP_BUFFER both stop at 64");
while ((pg = __get_free_page(GFP_NFS)) != 0) taken.add(pg);
expect(nr_free_pages() == 5, "GFP_NFS stops at 5");
for (long a : taken) free_page(a);
expect(vmstat().get("kswapd_wakeups") == 0, "nothing to wake: 1.2 has no kswapd");
"""),
    md("chain-intro", r"""
## The memory_start chain

`start_kernel` kept `memory_start` just past the kernel image and passed it down a chain of init
functions. Each took the pointer and the end of memory, kept what lay below the value it
returned, and handed that value on. `chr_dev_init`, `blk_dev_init`, `scsi_dev_init` and
`net_dev_init` called the built-in drivers' own init functions the same way. Then `mem_init`
reserved everything below the final pointer, for good, and gave the rest to the buddy lists.

`reboot(...)` boots the same machine again with drivers built in. The lambdas have exactly the old
shape: `(mem_start, mem_end) -> new mem_start`. Variables from before the reboot belong to the old
machine.
"""),
    code("boot-reserve", r"""
long[] ramdiskAt = new long[1];
long freeBefore = nr_free_pages();
reboot(
    builtin_init("ramdisk", (mem_start, mem_end) -> {
        ramdiskAt[0] = mem_start;
        return mem_start + 64 * 1024;                  // 64 KiB RAM disk
    }),
    builtin_init("sound", (mem_start, mem_end) -> mem_start + 6000));   // odd sizes are fine
boot_chain().forEach(System.out::println);
dmesg("Memory:");
System.out.println("pages lost to the drivers: " + (freeBefore - nr_free_pages()));
expect(freeBefore - nr_free_pages() == 16 + 2, "64 KiB is 16 pages, 6000 bytes round up to 2 more");
"""),
    md("boot-explained", r"""
The chain shows each function's `mem_start` and what it returned. The sound driver's 6000 bytes
cost two whole pages, because `mem_init` reserves everything up to the next page boundary. The
*data* figure of the `Memory:` line grew by what the drivers took. These pages were never
returned: `free_pages` on reserved pages does nothing, silently.
"""),
    code("reserved-free", r"""
long before = nr_free_pages();
free_pages(ramdiskAt[0], 4);
System.out.printf("free pages before %d, after %d%n", before, nr_free_pages());
expect(before == nr_free_pages(), "reserved pages are never freed");
"""),
    md("module-intro", r"""
Only built-in drivers were in the chain. A **module** loads after `mem_init`, when there is no
`memory_start` any more, so registering one for boot is refused:
"""),
    code("module-refused", r"""
try {
    reboot(module_init("ftape", (mem_start, mem_end) -> mem_start + 32 * 1024));
} catch (KernelBugException e) {
    System.out.println(e.getMessage());
}
"""),
    md("kmalloc-intro", r"""
## kmalloc in 1.2

The buckets are 2.0's (32 bytes to 131056, an 8-byte header in each block), but the checks come
in another order: 1.2 looks at the interrupt context *before* the size. A too-large request from
a handler with the wrong priority is complained about twice.
"""),
    code("kmalloc-order", r"""
in_interrupt(() -> {
    long p = kmalloc(200_000, GFP_KERNEL);
    expect(p == 0, "too large returns 0");
});
dmesg("kmalloc");
"""),
    md("dma-intro", r"""
## DMA pages never reclaim

1.2's `__get_dma_pages` turned every request that was not `GFP_ATOMIC` into `GFP_BUFFER`, then
took pages until one landed below 16 MiB. On this machine all memory is below 16 MiB, but the
priority change still shows: a DMA request never reclaims, it just stops at the reserve.
"""),
    code("dma", r"""
page_cache_read(500);
long stalls = vmstat().get("allocstall");
int n = 0;
while (__get_dma_pages(GFP_KERNEL, 0) != 0) n++;
System.out.printf("%d DMA pages, then nothing; %d cached pages left alone%n", n, vmstat().get("nr_file_pages"));
expect(vmstat().get("allocstall") == stalls, "GFP_BUFFER does not reclaim");
"""),
    md("outro", r"""
## What changed in 2.0

2.0 kept the chain for core code only and started drivers later from `device_setup()`, without
`memory_start`; the [Linux 2.0 notebook](linux-2.0-get-free-page.ipynb) shows its chain and the
`mem=` trick that replaced driver reservations. [Boot-time reservation](../content/boot-reservation.md)
tells the whole story, up to today's memblock.
"""),
]

# --------------------------------------------------------------------------------------------
# watermarks-and-reclaim.ipynb
# --------------------------------------------------------------------------------------------

WATERMARKS = [
    md("title", r"""
# Watermarks and reclaim

A kernel that lets free memory reach zero is in trouble. The code that frees memory often needs
a little memory itself to do its work. So every zone keeps three **watermarks**:

* above **high**, all is well and the background reclaimer (`kswapd`) goes back to sleep;
* below **low**, allocations wake `kswapd`, which frees memory in the background until the
  zone is back above high;
* below **min**, ordinary requests must stop and reclaim memory themselves (*direct
  reclaim*), and only urgent ones (`GFP_ATOMIC`) may dig a little deeper.

This machine is a 64-bit PC with 512 MiB. Its zones are DMA (the first 16 MiB) and DMA32 (the
rest).
"""),
    code("zoneinfo", r"""
cat("/proc/zoneinfo");
"""),
    md("formula-intro", r"""
## Where the numbers come from

The kernel starts from `min_free_kbytes` = √(16 × low memory in KiB), clamped to the range 128 to
262144. It shares that reserve among the zones in proportion to their size, which gives each
zone's **min**. The gap from min to low, and from low to high, is the larger of min/4 and
0.1% of the zone. Let's recompute it for this machine and compare with the kernel:
"""),
    code("formula", r"""
void expect(boolean ok, String what) {
    if (!ok) throw new AssertionError("not as in Linux 6.x: " + what);
    System.out.println("ok: " + what);
}
long lowmemKb = 0;
for (var z : zones()) lowmemKb += z.managed() * (PAGE_SIZE / 1024);
long minFreeKb = Math.clamp((long) Math.sqrt(lowmemKb * 16.0), 128L, 262144L);
long pagesMin = minFreeKb >> (PAGE_SHIFT - 10);
long lowmemPages = lowmemKb / (PAGE_SIZE / 1024);
System.out.printf("min_free_kbytes = %d KiB = %d pages%n%n", minFreeKb, pagesMin);
System.out.println("zone      managed  |  computed min/low/high  |  kernel min/low/high");
for (var z : zones()) {
    long min = pagesMin * z.managed() / lowmemPages;
    long delta = Math.max(min / 4, z.managed() * 10 / 10000);
    System.out.printf("%-8s %8d  |  %6d %6d %6d      |  %6d %6d %6d%n",
        z.name(), z.managed(), min, min + delta, min + 2 * delta, z.min(), z.low(), z.high());
    expect(min == z.min() && min + delta == z.low() && min + 2 * delta == z.high(), z.name() + "'s watermarks");
}
String zoneinfo = proc("/proc/zoneinfo");
expect(zoneinfo.contains("        promo    ") && zoneinfo.contains("        cma      0"), "zoneinfo has promo and cma lines");
expect(proc("/proc/meminfo").contains("VmallocTotal:   34359738367 kB"), "VmallocTotal is (VMALLOC_END - VMALLOC_START) >> 10");
"""),
    md("formula-explained", r"""
The two sides agree. On a machine with one 8 GiB zone the same steps give min 2896, low 4993
and high 7090 pages. There the 0.1% term wins for the gaps. The
[watermarks page](../content/watermarks-and-reclaim.md) works through it by hand.

Look at the `protection:` line of the DMA zone in `/proc/zoneinfo` too. That is
`lowmem_reserve`: a request that *could* have used a higher zone may only fall back into DMA
while DMA keeps that many pages *on top of* its watermark. The scarce low memory stays available
for the requests that really need it.
"""),
    md("pagecache-intro", r"""
## Filling memory with the page cache

Reading files fills memory with cached file pages. That is good use of memory that would
otherwise sit idle, and the kernel can drop clean cache pages whenever it needs the room. The
`page_cache_pressure` workload reads 200,000 pages (about 780 MiB) of files on a 512 MiB
machine.

A small helper prints the counters we care about from `/proc/vmstat`:
"""),
    code("helper", r"""
void counters(String... names) {
    var v = vmstat();
    for (String n : names) {
        System.out.printf("  %-16s %d%n", n, v.get(n));
    }
}
counters("nr_free_pages", "nr_file_pages", "kswapd_wakeups", "pgsteal_kswapd", "allocstall");
"""),
    code("pagecache", r"""
System.out.println(page_cache_pressure(200_000));
counters("nr_free_pages", "nr_file_pages", "kswapd_wakeups", "pgsteal_kswapd", "allocstall");
proc("/proc/meminfo").lines().limit(5).forEach(System.out::println);
"""),
    md("pagecache-explained", r"""
Free memory fell to the watermarks and then stayed there. Each time the reader pushed a zone
below **low**, kswapd woke up and dropped the oldest cached pages (`pgsteal_kswapd`) until the
zone was above **high** again. The reader never had to stop and reclaim for itself
(`allocstall` is 0). `MemFree` is small, but `MemAvailable` is large, because cached pages are
as good as free. That is why "free memory" on a healthy Linux system is always low.
"""),
    md("direct-intro", r"""
## Direct reclaim

kswapd restores a *number* of free pages. It does not care where they are. Now a driver asks
for 512 contiguous pages (order 9, 2 MiB). Memory is full of cache pages, so no block that size
is free. The request falls into the slow path and, because `GFP_KERNEL` may sleep, reclaims
memory itself:
"""),
    code("direct", r"""
long huge = __get_free_pages(GFP_KERNEL, 9);
System.out.printf("order-9 block at 0x%x%n", huge);
System.out.println("slow path: " + last_slowpath());
counters("allocstall", "nr_file_pages");
free_pages(huge, 9);
"""),
    md("direct-explained", r"""
`allocstall` counts the times an allocating task had to stop and reclaim for itself. It is the
latency spike that users notice. A caller that cannot sleep has no such fallback: in the same
situation `GFP_ATOMIC` would simply get 0.
"""),
    md("atomic-intro", r"""
## How deep may each request go?

Drop the page cache, then take single pages until each kind of request gives up. `GFP_NOWAIT`
neither sleeps nor uses the reserve, so it stops near the **min** watermark. `GFP_ATOMIC` also
cannot sleep, but it is allowed below min: first to half of min (`__GFP_HIGH`), then a further
quarter below that because it cannot block.
"""),
    code("atomic", r"""
import java.util.*;
System.out.println("dropped " + drop_caches() + " cached pages");
List<Long> pages = new ArrayList<>();
long pg;
int nowait = 0, atomic = 0;
while ((pg = __get_free_page(GFP_NOWAIT)) != 0) { pages.add(pg); nowait++; }
var z = zones();
System.out.printf("GFP_NOWAIT got %6d pages; DMA32 free %4d (min %d), DMA free %4d%n", nowait, z.get(1).free(), z.get(1).min(), z.get(0).free());
while ((pg = __get_free_page(GFP_ATOMIC)) != 0) { pages.add(pg); atomic++; }
z = zones();
System.out.printf("GFP_ATOMIC got %6d more;  DMA32 free %4d,          DMA free %4d%n", atomic, z.get(1).free(), z.get(0).free());
for (long a : pages) free_page(a);
System.out.println("given back; free pages: " + nr_free_pages());
"""),
    md("atomic-explained", r"""
`GFP_ATOMIC` stopped at roughly three eighths of min: half of min, less a further quarter of
that half. The last stretch below that belongs to the kernel's own emergency allocations.
The DMA zone gave up most of its pages too, but it stopped at about 480 free pages: its
`lowmem_reserve` of 464 pages, on top of its own small watermark, is kept for requests that can
only use DMA memory. The last failure
also left a *page allocation failure* warning in `dmesg`, listing every zone's free memory.
"""),
    md("oom-intro", r"""
## When nothing is left: the OOM killer

Page cache can be dropped, but a process's anonymous memory cannot. Pageframe's machine has no
swap, so only the owner can free it, by exiting. When reclaim finds nothing and a request may
not fail, the kernel chooses a process to kill: the **OOM killer**. It picks the biggest one,
which is not necessarily the one that caused the trouble.
"""),
    code("oom", r"""
int browser = spawn_task("browser");
int compiler = spawn_task("cc1");
System.out.println("browser got  " + task_touch(browser, 50_000) + " pages");
System.out.println("cc1 got      " + task_touch(compiler, 30_000) + " pages");
int leaky = spawn_task("leaky");
System.out.println("leaky got    " + task_touch(leaky, 200_000) + " pages before it stopped");
System.out.println("still running: " + kernel().tasks());
counters("oom_kill", "nr_free_pages");
"""),
    code("oom-dmesg", r"""
kernel().log().lines().stream()
    .filter(l -> l.contains("oom-killer") || l.contains("Out of memory"))
    .forEach(System.out::println);
"""),
    md("oom-explained", r"""
The first kill took **browser**, the largest process at that moment, even though `leaky` was the
one asking. Freeing the browser's pages let `leaky` carry on until it became the largest process,
and the second kill took `leaky` itself. `cc1` survived both. Real kernels weigh memory size
plus a per-process adjustment (`oom_score_adj`), but the idea is the same: free the most memory
with one kill.
"""),
    code("cleanup", r"""
for (int pid : kernel().tasks()) {
    task_exit(pid);
}
System.out.println("free pages: " + nr_free_pages());
"""),
    md("linux20", r"""
## How Linux 2.0 did it

2.0 had one global reserve instead of per-zone watermarks. 2.0.40 sized `min_free_pages` from all
of memory: 1/128 of the pages, at least 24, plus 24 (56 pages on a 16 MiB machine). The low mark
was 1.5 times that and the high mark twice it. The priority decided who could go below:
`GFP_ATOMIC` anywhere, `GFP_NFS` down to 5 pages, `GFP_BUFFER` and `GFP_IO` 12 + min/8 pages
deeper than the others, and `GFP_BUFFER` never reclaimed at all. Linux 1.2 kept 1/64 of memory
and had no kswapd. The [Linux 2.0 notebook](linux-2.0-get-free-page.ipynb) lets you watch each
priority hit its floor.
"""),
]

# --------------------------------------------------------------------------------------------
# dma-and-vmalloc.ipynb
# --------------------------------------------------------------------------------------------

DMA_VMALLOC = [
    md("title", r"""
# DMA and vmalloc

Two kinds of memory pull in opposite directions. A **device** doing DMA reads and writes RAM by
physical (bus) address. It needs a buffer that is physically contiguous and within the addresses
it can drive. A **large kernel table** only needs to *look* contiguous to the CPU, and `vmalloc`
builds that out of scattered pages. This notebook runs on a 64-bit PC with 1 GiB.
"""),
    code("zones", r"""
for (var z : zones()) {
    System.out.printf("%-6s physical %5d MiB - %5d MiB, %6d pages free%n",
        z.name(), (z.startPfn() * PAGE_SIZE) >> 20, (z.endPfn() * PAGE_SIZE) >> 20, z.free());
}
"""),
    md("reach-intro", r"""
## How far can a device reach?

* An **ISA** card has 24 address lines, so it reaches the first **16 MiB**. That is the DMA
  zone.
* A **32-bit PCI** card reaches the first **4 GiB**. That is DMA32 (on this machine, all of RAM).
* A **64-bit** device reaches everything.

`dma_map_single(device, addr, size)` hands a buffer to a device and returns the bus address. If
the device cannot reach the buffer, it returns `DMA_MAPPING_ERROR` instead (after a one-time
warning in the log), and a driver checks every mapping with `dma_mapping_error`. Machines with RAM
above 4 GiB set up *swiotlb*, a bounce buffer below 4 GiB, and copy through it instead; this
1 GiB machine has none. An ordinary `kmalloc` buffer comes from the top of memory, well above
16 MiB:
"""),
    code("reach", r"""
void expect(boolean ok, String what) {
    if (!ok) throw new AssertionError("not as in Linux 6.x: " + what);
    System.out.println("ok: " + what);
}
long buf = kmalloc(2048, GFP_KERNEL);
System.out.printf("kmalloc buffer: virtual 0x%x, physical 0x%x%n", buf, virt_to_phys(buf));
Device e1000 = pci32_device("e1000");
long pciBus = dma_map_single(e1000, buf, 2048);
System.out.printf("32-bit PCI card: bus address 0x%x%n", pciBus);
Device sb16 = isa_device("sb16");
long isaBus = dma_map_single(sb16, buf, 2048);
if (dma_mapping_error(sb16, isaBus) != 0) {
    System.out.println("ISA card: dma_map_single failed, the driver would return -ENOMEM");
}
dmesg("overflow");
expect(dma_mapping_error(e1000, pciBus) == 0 && pciBus == virt_to_phys(buf), "the PCI card gets the physical address");
expect(isaBus == DMA_MAPPING_ERROR, "the ISA card gets DMA_MAPPING_ERROR");
kfree(buf);
"""),
    md("dma-pages-intro", r"""
The fix is to ask for memory in the DMA zone. `__get_dma_pages(gfp, order)` adds `GFP_DMA` to the
request, and `kmalloc(size, GFP_KERNEL | GFP_DMA)` does the same for small buffers.
"""),
    code("dma-pages", r"""
long isaBuf = __get_dma_pages(GFP_KERNEL, 1);     // 8 KiB below 16 MiB
System.out.printf("DMA buffer: physical 0x%x%n", virt_to_phys(isaBuf));
long dmaBus = dma_map_single(sb16, isaBuf, 2 * PAGE_SIZE);
expect(dma_mapping_error(sb16, dmaBus) == 0, "a GFP_DMA buffer maps for the ISA card");
System.out.printf("ISA card: bus address 0x%x%n", dmaBus);
free_pages(isaBuf, 1);
"""),
    md("dma-driver-intro", r"""
## The DMA zone is small

Sixteen MiB is about 3,800 usable pages, and every ISA driver competes for them. The `dma_driver`
workload plays a greedy driver: it asks for 300 DMA buffers of 16 pages each, keeps them, and maps
each one for its ISA device.
"""),
    code("dma-driver", r"""
System.out.println(dma_driver(300, 4));
cat("/proc/buddyinfo");
System.out.println("DMA zone free pages: " + zones().get(0).free());
"""),
    md("dma-driver-explained", r"""
The driver got about 239 buffers and then nothing, even though DMA32 still has hundreds of
megabytes free. A `GFP_DMA` request can only use the DMA zone. This is why old drivers allocated
their DMA buffers once, at load time, and held on to them. Restart the machine if you want the
DMA zone back.
"""),
    md("vmalloc-intro", r"""
## vmalloc: contiguous only to the CPU

First, make the machine look lived-in. Take 64 single pages and give back every other one, so
the free lists hold 32 lone pages that cannot merge:
"""),
    code("scatter", r"""
long[] held = new long[64];
for (int i = 0; i < held.length; i++) held[i] = __get_free_page(GFP_KERNEL);
for (int i = 0; i < held.length; i += 2) free_page(held[i]);
cat("/proc/buddyinfo");
"""),
    md("vmalloc-walk-intro", r"""
Now `vmalloc` eight pages. It takes single pages from the allocator, which hands out those lone
pages first, and maps them at consecutive virtual addresses. `vmalloc_to_page` walks the page
tables to find which physical page sits behind each virtual one:
"""),
    code("vmalloc-walk", r"""
long table = vmalloc(8 * PAGE_SIZE);
System.out.printf("vmalloc area starts at 0x%x%n", table);
for (int i = 0; i < 8; i++) {
    long va = table + i * PAGE_SIZE;
    System.out.printf("  0x%x -> %s%n", va, vmalloc_to_page(va));
}
System.out.println("one past the end (the guard page): " + vmalloc_to_page(table + 8 * PAGE_SIZE));
"""),
    md("vmalloc-walk-explained", r"""
The virtual addresses rise in 4 KiB steps, but the page frames are two apart, and even run
backwards. Each one is a lone page from the freed pattern. No device could do DMA into this
buffer in one go.
`/proc/vmallocinfo` lists the area. Its size includes one extra page: the unmapped **guard
page** that turns an overrun into a fault.
"""),
    code("vmallocinfo", r"""
cat("/proc/vmallocinfo");
"""),
    md("not-dma-intro", r"""
## Why vmalloc memory is not DMA-able

Two reasons. The pages are not physically contiguous. And the address is outside the kernel's
*direct map*, the region where a virtual address is simply the physical address plus a constant
offset. `virt_to_phys` only does that subtraction, so on a vmalloc address it returns nonsense
(the kernel logs a warning when its debugging checks are on). `dma_map_single` rejects the buffer
whatever the device: it warns once, "rejecting DMA map of vmalloc memory", and returns
`DMA_MAPPING_ERROR`:
"""),
    code("not-dma", r"""
System.out.printf("virt_to_phys on a vmalloc address: 0x%x (not a real physical address)%n", virt_to_phys(table));
Device nvme = pci64_device("nvme0");
long tableBus = dma_map_single(nvme, table, 8 * PAGE_SIZE);
System.out.println("dma_mapping_error: " + dma_mapping_error(nvme, tableBus));
dmesg("rejecting");
expect(tableBus == DMA_MAPPING_ERROR, "vmalloc memory is rejected even for a 64-bit device");
"""),
    md("not-dma-explained", r"""
A driver that needs a large DMA buffer uses the DMA API's own allocators, or a scatter-gather
list that describes each page separately. `vmalloc` is for memory only the CPU touches.
"""),
    md("vmalloc-irq-intro", r"""
## Not from an interrupt handler

`vmalloc` may sleep. It allocates with `GFP_KERNEL` and edits page tables. Calling it from an
interrupt handler is a kernel bug:
"""),
    code("vmalloc-irq", r"""
in_interrupt(() -> {
    try {
        vmalloc(4 * PAGE_SIZE);
    } catch (KernelBugException e) {
        System.out.println(e.getMessage());
    }
});
"""),
    md("mixups-intro", r"""
## Freeing with the wrong function

Each allocator only takes back its own memory. `is_vmalloc_addr` tells the two kinds of address
apart, which is what `kvfree` uses when it does not know which kind it was given.
"""),
    code("mixups", r"""
long small = kmalloc(512, GFP_KERNEL);
System.out.println("is_vmalloc_addr(table) = " + is_vmalloc_addr(table) + ", is_vmalloc_addr(small) = " + is_vmalloc_addr(small));
try {
    kfree(table);
} catch (KernelBugException e) {
    System.out.println(e.summary());
}
try {
    vfree(small);
} catch (KernelBugException e) {
    System.out.println(e.summary());
}
kfree(small);
vfree(table);
"""),
    md("cost-intro", r"""
## What vmalloc costs

vmalloc takes one page at a time and maps each one, so its cost grows with the size. A
physically contiguous allocation is a single trip to the buddy allocator. In return, vmalloc
still works when no large block is free.
"""),
    code("cost", r"""
for (int order : new int[] {2, 6, 8, 10}) {
    long bytes = PAGE_SIZE << order;
    long t0 = now_ns();
    long pages = __get_free_pages(GFP_KERNEL, order);
    long t1 = now_ns();
    long area = vmalloc(bytes);
    long t2 = now_ns();
    System.out.printf("%5d KiB: __get_free_pages %7d ns, vmalloc %8d ns%n", bytes / 1024, t1 - t0, t2 - t1);
    free_pages(pages, order);
    vfree(area);
}
"""),
    md("summary", r"""
## Which one to use

| you need | use | physically contiguous | device can use it | may sleep |
|---|---|---|---|---|
| a small object | `kmalloc(size, GFP_KERNEL)` | yes | yes, if in reach | with `GFP_KERNEL` |
| an ISA-reachable buffer | `__get_dma_pages(gfp, order)`, `kmalloc(size, gfp \| GFP_DMA)` | yes | yes | with `GFP_KERNEL` |
| whole pages | `__get_free_pages(gfp, order)` | yes | yes, if in reach | with `GFP_KERNEL` |
| a large table only the CPU uses | `vmalloc(size)` | no | no | always |

More in the docs: [DMA](../content/dma.md) and [vmalloc](../content/vmalloc.md).
"""),
]


NOTEBOOKS = [
    ("tour.ipynb", "x86_64", "1G", TOUR),
    ("linux-1.2-boot-reservation.ipynb", "i386-linux-1.2", "16M", LINUX12),
    ("linux-2.0-get-free-page.ipynb", "i386-linux-2.0", "16M", LINUX20),
    ("watermarks-and-reclaim.ipynb", "x86_64", "512M", WATERMARKS),
    ("dma-and-vmalloc.ipynb", "x86_64", "1G", DMA_VMALLOC),
]


def main(argv):
    """--check: exit 1 if any .ipynb differs from what this script would write (nothing is written)."""
    check = "--check" in argv
    ok = True
    for name, profile, memory, cells in NOTEBOOKS:
        ok &= write(name, notebook(profile, memory, cells), check)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
