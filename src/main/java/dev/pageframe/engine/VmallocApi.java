package dev.pageframe.engine;

import java.util.List;

/**
 * vmalloc and vfree behind {@link Kernel}, with the refusals of mm/vmalloc.c (interrupt context, a
 * zero size, more than all of RAM).
 */
final class VmallocApi extends KernelPart {
    VmallocApi(Kernel k) {
        super(k);
    }

    long vmalloc(long size) {
        return vmallocInternal(size, false, "vmalloc");
    }

    long vzalloc(long size) {
        return vmallocInternal(size, true, "vzalloc");
    }

    private long vmallocInternal(long size, boolean zero, String fn) {
        int gfp = modern ? Gfp.GFP_KERNEL | Gfp.__GFP_HIGHMEM : Gfp20.GFP_KERNEL;
        // Every era looks at the size first, before the area's descriptor is allocated (where the context is checked):
        // a bad size gets its warning or NULL even from an interrupt handler.
        if (size == 0) {
            // mm/vmalloc.c: __vmalloc_node_range_noprof: WARN_ON_ONCE(!size), then NULL.
            if (modern) {
                warnOnce("vmalloc-zero", "mm/vmalloc.c: __vmalloc_node_range_noprof", fn);
            }
            return 0;
        }
        if (modern && Long.compareUnsigned(size >>> profile.pageShift(), k.totalram_pages()) > 0) {
            // The same function refuses at once what all of RAM could not hold: no reclaim, no OOM kill.
            pages.oomKill.warn_alloc(gfp, "vmalloc error: size " + Long.toUnsignedString(size) + ", exceeds total pages");
            pages.trace.record(fn + "(" + Long.toUnsignedString(size) + ") is larger than all of RAM");
            return 0;
        }
        if (size < 0) {
            return 0;
        }
        if (!modern && ((size + profile.pageSize() - 1) & -profile.pageSize()) > layout.memoryEnd()) {
            // mm/vmalloc.c of 1.2 and 2.0: "if (!size || size > high_memory) return NULL".
            return 0;
        }
        if (ctx.in_interrupt() && modern) {
            // mm/vmalloc.c: BUG_ON(in_interrupt()) in __get_vm_area_node
            throw pages.bug(fn + "() called from interrupt context: it sleeps and maps pages; allocate before "
                    + "the interrupt, or use kmalloc(GFP_ATOMIC)",
                List.of("kernel BUG at mm/vmalloc.c: __get_vm_area_node: BUG_ON(in_interrupt())",
                    "Call Trace:", " " + fn + "+0x0/0x0", " " + CallSite.caller()));
        }
        gfp = checkGfp(gfp, fn);
        if (!modern) {
            // mm/vmalloc.c of 1.2 and 2.0: the area descriptor comes from kmalloc(GFP_KERNEL), the
            // pages one by one from __get_free_page(GFP_KERNEL); each checks the interrupt rule.
            kmallocInterruptCheck(gfp);
        }
        String caller = CallSite.caller();
        long addr = vmalloc.vmalloc(size, gfp, zero, caller);
        if (addr == 0 && modern && vmalloc.lastRangeFull) {
            // mm/vmalloc.c: alloc_vmap_area finds no hole for the area and its guard page, then __vmalloc_node_range
            // reports the missing vm_struct. On i386 the cure is a larger vmalloc= at boot (reboot_cmdline).
            long pageSize = profile.pageSize();
            log.printk(String.format("vmalloc_node_range for size %d failed: Address range restricted to %#x - %#x",
                // The area's last address: x86_64's VMALLOC_END. The simulated i386 area runs to the top of the 32-bit
                // space (AddressSpace), past where a real one stops below the fixmap, so it ends at 0xffffffff.
                ((size + pageSize - 1) & -pageSize) + pageSize, as.vmallocStart, as.vmallocEnd - 1));
            pages.oomKill.warn_alloc(gfp, "vmalloc error: size " + size + ", vm_struct allocation failed");
        } else if (addr == 0 && modern) {
            // mm/vmalloc.c (__vmalloc_area_node, since 6.4): the size is of the pages got before one was refused.
            pages.oomKill.warn_alloc(gfp, "vmalloc error: size " + ((long) vmalloc.lastPagesGot << profile.pageShift())
                + ", failed to allocate pages");
        }
        if (tracer.on("vmalloc") && addr != 0) {
            tracer.emit("vmalloc", String.format("addr=0x%x size=%d caller=%s", addr, size, caller));
        }
        return addr;
    }

    void vfree(long addr) {
        if (addr == 0) {
            return;
        }
        Vmalloc.Area a = vmalloc.areaAt(addr);
        if (a == null) {
            throw pages.bug("vfree(0x" + Long.toHexString(addr) + "): no vmalloc area starts at this address"
                    + (as.virt_addr_valid(addr) ? " (it is a direct-map address: kmalloc memory goes back with kfree)" : ""),
                List.of("Trying to vfree() nonexistent vm area (" + ptr(addr) + ")",
                    "WARNING: CPU: 0 PID: " + ctx.taskPid() + " at mm/vmalloc.c: vfree",
                    "Call Trace:", " vfree+0x0/0x0", " " + CallSite.caller()));
        }
        vmalloc.vfree(a);
        if (tracer.on("vfree")) {
            tracer.emit("vfree", String.format("addr=0x%x", addr));
        }
    }

    Page vmalloc_to_page(long addr) {
        Vmalloc.Area a = vmalloc.areaContaining(addr);
        if (a == null) {
            return null;
        }
        int idx = (int) ((addr - a.addr()) >>> profile.pageShift());
        return new Page(a.pages().get(idx));
    }

    long vmalloc_to_pfn(long addr) {
        Page p = vmalloc_to_page(addr);
        return p == null ? 0 : p.pfn();
    }

    boolean is_vmalloc_addr(long addr) {
        return as.is_vmalloc_addr(addr);
    }
}
