/*
 * A DWARF unwinder for x86-64 that remembers, per return address, how to step to the caller.
 *
 * libgcc's _Unwind_Backtrace finds and interprets a frame's call frame information (CFI) at
 * every step, about 300 ns per frame, on every allocation. Yet a program allocates from few
 * places: the same return addresses come back again and again. This unwinder interprets the CFI
 * of a return address once (with libgcc's own _Unwind_Find_FDE to find it), keeps the resulting
 * rule in a per-thread cache (the canonical frame address (CFA) is rsp or rbp plus an offset,
 * the return address is at CFA - 8, rbp is kept or saved at CFA + an offset), and from then on
 * steps through that frame with two loads. The stacks are the same as libgcc's, frame by frame:
 * whatever this unwinder does not handle (CFI expressions, signal frames, registers other than
 * rsp and rbp for the CFA) makes it give up, and the caller falls back to libgcc for that stack.
 *
 * The cache of a thread is its own (no locks) and is emptied when a library is unloaded
 * (dlclose), since another one could later be loaded at the same addresses.
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <string.h>

#include "memraynative.h"

#if defined(__x86_64__)

struct dwarf_eh_bases {
    void *tbase;
    void *dbase;
    void *func;
};

/* From libgcc (exported since GCC 3.0): the FDE covering `pc`, and the function's start. */
extern const void *_Unwind_Find_FDE(void *pc, struct dwarf_eh_bases *bases);

unsigned mrn_code_generation;

enum { RULE_EMPTY = 0, RULE_STEP, RULE_NO_FDE, RULE_LAST_FRAME, RULE_UNSUPPORTED };
enum { REG_RBP = 6, REG_RSP = 7, REG_RA = 16 };

typedef struct {
    const uint8_t *at;
    const uint8_t *end;
    int bad;
} reader;

static uint8_t read_u8(reader *r) {
    if (r->at >= r->end) {
        r->bad = 1;
        return 0;
    }
    return *r->at++;
}

static uint64_t read_uleb(reader *r) {
    uint64_t value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
        uint8_t byte = read_u8(r);
        value |= (uint64_t) (byte & 0x7f) << shift;
        if (!(byte & 0x80)) {
            return value;
        }
    }
    r->bad = 1;
    return 0;
}

static int64_t read_sleb(reader *r) {
    int64_t value = 0;
    int shift = 0;
    uint8_t byte;
    do {
        byte = read_u8(r);
        value |= (int64_t) (byte & 0x7f) << shift;
        shift += 7;
    } while ((byte & 0x80) && shift < 64 && !r->bad);
    if (shift < 64 && (byte & 0x40)) {
        value |= -((int64_t) 1 << shift);
    }
    return value;
}

static void skip(reader *r, size_t bytes) {
    if ((size_t) (r->end - r->at) < bytes) {
        r->bad = 1;
        r->at = r->end;
    } else {
        r->at += bytes;
    }
}

static uint64_t read_fixed(reader *r, int bytes) {
    uint64_t value = 0;
    for (int i = 0; i < bytes; i++) {
        value |= (uint64_t) read_u8(r) << (8 * i);
    }
    return value;
}

/* Bytes of a pointer in DWARF exception-header encoding `encoding`, 0 when unknown. */
static int encoded_size(uint8_t encoding) {
    switch (encoding & 0x0f) {
        case 0x00: return 8; /* absptr */
        case 0x02: case 0x0a: return 2;
        case 0x03: case 0x0b: return 4;
        case 0x04: case 0x0c: return 8;
        default: return 0;
    }
}

/* The register rules of one row of the CFI table, as far as this unwinder follows them. */
typedef struct {
    int cfa_register;
    int64_t cfa_offset;
    int rbp_saved;
    int64_t rbp_offset;
    int ra_saved;      /* 1: at CFA + ra_offset; 0: undefined (the outermost frame) */
    int64_t ra_offset;
} row;

typedef struct {
    uint64_t code_align;
    int64_t data_align;
    row initial;
} cie_info;

#define STATE_DEPTH 8

/*
 * Runs CFI instructions from `r` up to `target`, the address being unwound, updating `out`;
 * `initial` is the row the CIE's instructions made (what DW_CFA_restore goes back to), NULL while
 * those run. Returns 0, or -1 for anything this unwinder does not follow.
 */
static int run_cfi(reader *r, const cie_info *cie, const row *initial, uint64_t loc,
                   uint64_t target, row *out) {
    uint64_t code_align = cie->code_align;
    int64_t data_align = cie->data_align;
    row saved[STATE_DEPTH];
    int depth = 0;
    while (r->at < r->end && !r->bad) {
        uint8_t op = read_u8(r);
        uint8_t high = op & 0xc0;
        uint8_t low = op & 0x3f;
        uint64_t reg;
        int64_t offset;
        if (high == 0x40) { /* advance_loc */
            loc += low * code_align;
            if (loc > target) {
                return 0;
            }
            continue;
        }
        if (high == 0x80) { /* offset */
            reg = low;
            offset = (int64_t) read_uleb(r) * data_align;
            goto set_offset;
        }
        if (high == 0xc0) { /* restore */
            reg = low;
            goto restore;
        }
        switch (op) {
            case 0x00: /* nop */
                break;
            case 0x02: loc += read_fixed(r, 1) * code_align; goto advanced;
            case 0x03: loc += read_fixed(r, 2) * code_align; goto advanced;
            case 0x04: loc += read_fixed(r, 4) * code_align; goto advanced;
            case 0x05: /* offset_extended */
                reg = read_uleb(r);
                offset = (int64_t) read_uleb(r) * data_align;
                goto set_offset;
            case 0x11: /* offset_extended_sf */
                reg = read_uleb(r);
                offset = read_sleb(r) * data_align;
                goto set_offset;
            case 0x06: /* restore_extended */
                reg = read_uleb(r);
                goto restore;
            case 0x07: /* undefined */
                reg = read_uleb(r);
                if (reg == REG_RA) {
                    out->ra_saved = 0;
                } else if (reg == REG_RBP) {
                    return -1;
                }
                break;
            case 0x08: /* same_value */
                reg = read_uleb(r);
                if (reg == REG_RBP) {
                    out->rbp_saved = 0;
                } else if (reg == REG_RA) {
                    return -1;
                }
                break;
            case 0x0a: /* remember_state */
                if (depth == STATE_DEPTH) {
                    return -1;
                }
                saved[depth++] = *out;
                break;
            case 0x0b: /* restore_state */
                if (depth == 0) {
                    return -1;
                }
                *out = saved[--depth];
                break;
            case 0x0c: /* def_cfa */
                out->cfa_register = (int) read_uleb(r);
                out->cfa_offset = (int64_t) read_uleb(r);
                break;
            case 0x12: /* def_cfa_sf */
                out->cfa_register = (int) read_uleb(r);
                out->cfa_offset = read_sleb(r) * data_align;
                break;
            case 0x0d: /* def_cfa_register */
                out->cfa_register = (int) read_uleb(r);
                break;
            case 0x0e: /* def_cfa_offset */
                out->cfa_offset = (int64_t) read_uleb(r);
                break;
            case 0x13: /* def_cfa_offset_sf */
                out->cfa_offset = read_sleb(r) * data_align;
                break;
            case 0x2e: /* GNU_args_size */
                read_uleb(r);
                break;
            case 0x2f: /* GNU_negative_offset_extended */
                reg = read_uleb(r);
                offset = -(int64_t) read_uleb(r) * data_align;
                goto set_offset;
            case 0x10: /* expression */
            case 0x16: /* val_expression */
                reg = read_uleb(r);
                skip(r, read_uleb(r));
                if (reg == REG_RBP || reg == REG_RA) {
                    return -1;
                }
                break;
            case 0x09: /* register */
            case 0x14: /* val_offset */
            case 0x15: /* val_offset_sf (a signed LEB128 is as long as an unsigned one) */
                reg = read_uleb(r);
                read_uleb(r); /* the other register, or the offset */
                if (reg == REG_RBP || reg == REG_RA) {
                    return -1;
                }
                break;
            default: /* def_cfa_expression, set_loc and anything newer */
                return -1;
        }
        continue;
advanced:
        if (loc > target) {
            return 0;
        }
        continue;
set_offset:
        if (reg == REG_RBP) {
            out->rbp_saved = 1;
            out->rbp_offset = offset;
        } else if (reg == REG_RA) {
            out->ra_saved = 1;
            out->ra_offset = offset;
        }
        continue;
restore:
        if (initial == NULL) {
            return -1; /* restore inside the CIE's own instructions */
        }
        if (reg == REG_RBP) {
            out->rbp_saved = initial->rbp_saved;
            out->rbp_offset = initial->rbp_offset;
        } else if (reg == REG_RA) {
            out->ra_saved = initial->ra_saved;
            out->ra_offset = initial->ra_offset;
        }
    }
    return r->bad ? -1 : 0;
}

/* How to step from the frame executing at `target` to its caller. */
static mrn_rule rule_for(uint64_t target, int (*in_loaded_object)(uint64_t)) {
    mrn_rule rule = {0, 0, 0, 0, RULE_UNSUPPORTED};
    struct dwarf_eh_bases bases;
    const uint8_t *fde = _Unwind_Find_FDE((void *) (uintptr_t) target, &bases);
    if (fde == NULL) {
        /* Outside every loaded object: the JVM's generated code, where libgcc stops too. In a
         * library without CFI for it (a signal trampoline, which libgcc steps through by its
         * instructions): left to libgcc. */
        rule.kind = in_loaded_object(target + 1) ? RULE_UNSUPPORTED : RULE_NO_FDE;
        return rule;
    }
    uint32_t fde_length;
    memcpy(&fde_length, fde, 4);
    if (fde_length == 0 || fde_length == 0xffffffffu) {
        return rule;
    }
    int32_t cie_delta;
    memcpy(&cie_delta, fde + 4, 4);
    const uint8_t *cie = fde + 4 - cie_delta;
    uint32_t cie_length;
    memcpy(&cie_length, cie, 4);
    if (cie_length == 0 || cie_length == 0xffffffffu) {
        return rule;
    }
    reader c = {cie + 8, cie + 4 + cie_length, 0};
    uint8_t version = read_u8(&c);
    const char *augmentation = (const char *) c.at;
    size_t augmentation_length = strnlen(augmentation, (size_t) (c.end - c.at));
    skip(&c, augmentation_length + 1);
    cie_info info;
    info.code_align = read_uleb(&c);
    info.data_align = read_sleb(&c);
    uint64_t ra_register = version == 1 ? read_u8(&c) : read_uleb(&c);
    uint8_t fde_encoding = 0;
    int has_augmentation_data = augmentation[0] == 'z';
    if (has_augmentation_data) {
        uint64_t length = read_uleb(&c);
        reader a = {c.at, c.at + length, 0};
        skip(&c, length);
        for (const char *p = augmentation + 1; *p != '\0' && !a.bad; p++) {
            if (*p == 'R') {
                fde_encoding = read_u8(&a);
            } else if (*p == 'L') {
                read_u8(&a);
            } else if (*p == 'P') {
                int size = encoded_size(read_u8(&a));
                if (size == 0) {
                    return rule;
                }
                skip(&a, (size_t) size);
            } else {
                return rule; /* 'S' (signal frame) and anything unknown */
            }
        }
        if (a.bad) {
            return rule;
        }
    } else if (augmentation[0] != '\0') {
        return rule;
    }
    if (c.bad || ra_register != REG_RA || info.code_align == 0) {
        return rule;
    }
    memset(&info.initial, 0, sizeof info.initial);
    info.initial.cfa_register = REG_RSP;
    if (run_cfi(&c, &info, NULL, 0, UINT64_MAX, &info.initial) != 0) {
        return rule;
    }
    int pointer_size = encoded_size(fde_encoding);
    if (pointer_size == 0) {
        return rule;
    }
    reader f = {fde + 8, fde + 4 + fde_length, 0};
    skip(&f, 2 * (size_t) pointer_size); /* pc_begin (bases.func has it) and pc_range */
    if (has_augmentation_data) {
        skip(&f, read_uleb(&f));
    }
    row now = info.initial;
    if (f.bad || run_cfi(&f, &info, &info.initial, (uint64_t) (uintptr_t) bases.func, target,
                         &now) != 0) {
        return rule;
    }
    if (!now.ra_saved) {
        rule.kind = RULE_LAST_FRAME;
        return rule;
    }
    if ((now.cfa_register != REG_RSP && now.cfa_register != REG_RBP) || now.ra_offset != -8
        || now.cfa_offset <= 0 || now.cfa_offset > INT32_MAX
        || (now.rbp_saved && (now.rbp_offset < INT16_MIN || now.rbp_offset >= 0))) {
        return rule;
    }
    rule.cfa_offset = (int32_t) now.cfa_offset;
    rule.rbp_offset = now.rbp_saved ? (int16_t) now.rbp_offset : 0;
    rule.cfa_on_rbp = now.cfa_register == REG_RBP;
    rule.kind = RULE_STEP;
    return rule;
}

static const mrn_rule *cached_rule(mrn_rule_cache *cache, uint64_t pc,
                                   int (*in_loaded_object)(uint64_t)) {
    unsigned generation = __atomic_load_n(&mrn_code_generation, __ATOMIC_ACQUIRE);
    if (cache->generation != generation) {
        memset(cache->rules, 0, sizeof cache->rules);
        cache->generation = generation;
    }
    mrn_rule *slot = &cache->rules[(pc ^ (pc >> 9)) & (MRN_RULES - 1)];
    if (slot->pc != pc || slot->kind == RULE_EMPTY) {
        /* a return address: the call is the instruction before it */
        *slot = rule_for(pc - 1, in_loaded_object);
        slot->pc = pc;
    }
    return slot;
}

int mrn_unwind_cached(mrn_rule_cache *cache, mrn_unwind_start *start, uint64_t *frames,
                      int max) {
    uint64_t pc = start->pc;
    start->last_generated = -1;
    uintptr_t sp = start->sp;
    uintptr_t fp = start->fp;
    int n = 0;
    while (n < max && pc != 0) {
        if (pc < start->skip_start || pc >= start->skip_end) {
            frames[n++] = pc;
        }
        const mrn_rule *rule = cached_rule(cache, pc, start->in_loaded_object);
        if (rule->kind == RULE_NO_FDE) {
            start->last_generated = pc < start->skip_start || pc >= start->skip_end;
            return n;
        }
        if (rule->kind == RULE_LAST_FRAME) {
            return n; /* the outermost frame (its return address is undefined) */
        }
        if (rule->kind != RULE_STEP) {
            return -1;
        }
        uintptr_t cfa = (rule->cfa_on_rbp ? fp : sp) + (uintptr_t) rule->cfa_offset;
        if (cfa <= sp || cfa > start->stack_high || (cfa & 7) != 0) {
            return -1; /* not on this thread's known stack (another stack, a broken chain) */
        }
        if (rule->rbp_offset != 0) {
            uintptr_t saved = cfa + (uintptr_t) (intptr_t) rule->rbp_offset;
            if (saved < sp) {
                return -1;
            }
            fp = *(const uintptr_t *) saved;
        }
        pc = *(const uint64_t *) (cfa - 8);
        sp = cfa;
    }
    return n;
}

#else

unsigned mrn_code_generation;

int mrn_unwind_cached(mrn_rule_cache *cache, mrn_unwind_start *start, uint64_t *frames,
                      int max) {
    (void) cache;
    (void) start;
    (void) frames;
    (void) max;
    return -1;
}

#endif
