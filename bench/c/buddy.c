/*
 * The binary buddy allocator in plain C: the baseline for the engine's speed goal (issue 19).
 * Written for Pageframe from the algorithm's description (free lists per order, buddy = pfn ^
 * (1 << order), merge while the buddy is a free block of the same order, split by putting upper
 * halves on the lists), not from kernel source.
 *
 * It runs the two workloads of src/test/java/dev/pageframe/engine/bench/EngineBench.java on the
 * same machine shape: the Normal zone of a 16 GiB x86_64 machine (pfn 0x100000 up to 0x440000,
 * freed at boot in blocks of order 10), 4096 live blocks of order 0-3 allocated first, then
 *   pair:  allocate one order-0 page and free it again;
 *   churn: free a random live block, allocate a new one of a random order 0-3 in its place.
 * Random numbers come from the same xorshift64 generator (same seed) as EngineBench, so both sides
 * do the same requests in the same order. Timing follows the JMH settings: 3 x 1 s warm-up, 5 x 1 s
 * measured, mean of the wall time reported, and the best round's CPU time of this thread.
 *
 * Build: cc -O2 -o buddy buddy.c
 */
#define _POSIX_C_SOURCE 199309L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define MAX_ORDER 10
#define NIL (-1)
#define ZONE_START_PFN 0x100000L   /* 4 GiB: ZONE_NORMAL starts above the DMA32 zone and the PCI hole */
#define ZONE_PAGES 0x340000L       /* 13 GiB: the rest of 16 GiB of RAM, moved above the 1 GiB hole */
#define LIVE 4096

/* Per-frame state, indexed zone-relative, as flat arrays like the engine's FrameTable. */
static int32_t *next_free;
static int32_t *prev_free;
/* 0: not the head of a free block; order + 1: head of a free block of that order (PageBuddy). */
static uint8_t *buddy_order;

struct free_area {
    int32_t head;
    long nr_free;
};
static struct free_area free_area[MAX_ORDER + 1];
static long splits, merges;

static void add_to_free_list(int32_t pfn, int order)
{
    struct free_area *area = &free_area[order];
    next_free[pfn] = area->head;
    prev_free[pfn] = NIL;
    if (area->head != NIL)
        prev_free[area->head] = pfn;
    area->head = pfn;
    area->nr_free++;
    buddy_order[pfn] = (uint8_t)(order + 1);
}

static void del_from_free_list(int32_t pfn, int order)
{
    struct free_area *area = &free_area[order];
    int32_t next = next_free[pfn], prev = prev_free[pfn];
    if (prev == NIL)
        area->head = next;
    else
        next_free[prev] = next;
    if (next != NIL)
        prev_free[next] = prev;
    area->nr_free--;
    buddy_order[pfn] = 0;
}

/* The smallest free block of at least the order, split down to it; -1 if none. */
static int32_t alloc_pages(int order)
{
    for (int current = order; current <= MAX_ORDER; current++) {
        int32_t pfn = free_area[current].head;
        if (pfn == NIL)
            continue;
        del_from_free_list(pfn, current);
        while (current > order) {
            current--;
            add_to_free_list(pfn + (1 << current), current);
            splits++;
        }
        return pfn;
    }
    return -1;
}

static void free_pages(int32_t pfn, int order)
{
    while (order < MAX_ORDER) {
        int32_t buddy = pfn ^ (1 << order);
        if (buddy >= ZONE_PAGES || buddy_order[buddy] != order + 1)
            break;
        del_from_free_list(buddy, order);
        pfn &= buddy;
        order++;
        merges++;
    }
    add_to_free_list(pfn, order);
}

/* Seed 10 is the first whose set-up leaves the smallest free block at order 2, so the pair splits
 * and merges two levels, as in the measurement of issue 19. */
#define SEED 10
static uint64_t rnd = SEED;

/* xorshift64 (Marsaglia's 13, 7, 17); EngineBench.next does the same. */
static uint64_t next_random(void)
{
    rnd ^= rnd << 13;
    rnd ^= rnd >> 7;
    rnd ^= rnd << 17;
    return rnd;
}

static int32_t live[LIVE];
static int orders[LIVE];

static void boot(void)
{
    next_free = malloc(ZONE_PAGES * sizeof *next_free);
    prev_free = malloc(ZONE_PAGES * sizeof *prev_free);
    buddy_order = calloc(ZONE_PAGES, 1);
    if (!next_free || !prev_free || !buddy_order) {
        fprintf(stderr, "buddy: out of memory\n");
        exit(1);
    }
    for (int o = 0; o <= MAX_ORDER; o++)
        free_area[o] = (struct free_area){NIL, 0};
    /* Boot hands the zone over in max-order blocks. A modern kernel puts boot memory at the tail of the
     * lists, so they run up from the bottom of the zone; freeing from the top down, each block to the
     * head, builds the same lists (the engine's Boot does the same). */
    for (long pfn = ZONE_PAGES - (1L << MAX_ORDER); pfn >= 0; pfn -= 1L << MAX_ORDER)
        free_pages((int32_t)pfn, MAX_ORDER);
    rnd = SEED;
    for (int i = 0; i < LIVE; i++) {
        orders[i] = (int)(next_random() >> 20) & 3;
        live[i] = alloc_pages(orders[i]);
    }
    splits = merges = 0;
}

static volatile int64_t sink;

static long pair_batch(long n)
{
    int64_t acc = 0;
    for (long i = 0; i < n; i++) {
        int32_t pfn = alloc_pages(0);
        free_pages(pfn, 0);
        acc += pfn;
    }
    sink = acc;
    return n;
}

/* One call = one free and one allocation: two operations, as @OperationsPerInvocation(2) counts them. */
static long churn_batch(long n)
{
    int64_t acc = 0;
    for (long j = 0; j < n; j++) {
        int i = (int)(next_random() >> 20) & (LIVE - 1);
        free_pages(live[i], orders[i]);
        int order = (int)(next_random() >> 20) & 3;
        orders[i] = order;
        live[i] = alloc_pages(order);
        acc += live[i];
    }
    sink = acc;
    return 2 * n;
}

static double now_ns(clockid_t clock)
{
    struct timespec ts;
    clock_gettime(clock, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

/*
 * Runs batches for about one second of wall time; returns wall ns per operation and stores CPU ns
 * per operation (this thread's CPU time, which other processes on a busy machine inflate less).
 */
static double iteration(long (*batch)(long), long *ops_out, double *cpu_out)
{
    double start = now_ns(CLOCK_MONOTONIC), cpu = now_ns(CLOCK_THREAD_CPUTIME_ID), end;
    long ops = 0;
    do {
        ops += batch(1 << 16);
        end = now_ns(CLOCK_MONOTONIC);
    } while (end - start < 1e9);
    *ops_out = ops;
    *cpu_out = (now_ns(CLOCK_THREAD_CPUTIME_ID) - cpu) / ops;
    return (end - start) / ops;
}

static void run(const char *name, long (*batch)(long), int seconds_warm, int seconds_measured)
{
    long ops;
    double cpu, cpu_min = 1e18;
    boot();
    for (int i = 0; i < seconds_warm; i++)
        iteration(batch, &ops, &cpu);
    double sum = 0;
    long total_ops = 0;
    long s0 = splits, m0 = merges;
    for (int i = 0; i < seconds_measured; i++) {
        sum += iteration(batch, &ops, &cpu);
        total_ops += ops;
        if (cpu < cpu_min)
            cpu_min = cpu;
    }
    printf("c.%s %.2f ns/op (wall, mean) %.2f ns/op (CPU, best round) %.3f/%.3f splits/merges per op\n", name,
           sum / seconds_measured, cpu_min, (double)(splits - s0) / total_ops, (double)(merges - m0) / total_ops);
    fflush(stdout);
    free(next_free);
    free(prev_free);
    free(buddy_order);
}

int main(int argc, char **argv)
{
    int warm = 3, measured = 5;
    if (argc == 3) {
        warm = atoi(argv[1]);
        measured = atoi(argv[2]);
    }
    run("order0AllocFreePair", pair_batch, warm, measured);
    run("mixedOrderChurn", churn_batch, warm, measured);
    return 0;
}
