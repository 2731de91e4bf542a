//! Loading, checking and generating do work in proportion to the size of
//! the spec, measured without a clock: a counting allocator adds up the bytes
//! allocated (and the allocations made) while a spec is loaded, checked and
//! generated, or refused and its errors rendered. Each family of input is
//! measured at a size `n` and at `4n`; work that grew 16-fold (quadratic)
//! instead of 4-fold fails the test. The deep-nesting and huge-text cases
//! that once took seconds to minutes are among the families. Allocation is
//! the proxy for work: a step that loops without allocating would not show,
//! which is why those two cases are refused by a linear pre-scan and a
//! length check before any library sees them (see spec/yaml.rs).

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;

use pcr_codegen::{emit, spec::load_str};

struct Counting;

thread_local! {
    /// Bytes and allocations of this thread, so tests running beside this
    /// one on other threads do not count.
    static BYTES: Cell<u64> = const { Cell::new(0) };
    static CALLS: Cell<u64> = const { Cell::new(0) };
}

fn count(bytes: usize) {
    let _ = BYTES.try_with(|b| b.set(b.get() + bytes as u64));
    let _ = CALLS.try_with(|c| c.set(c.get() + 1));
}

// SAFETY: every call is passed to the system allocator unchanged; the
// counters are const-initialised thread-locals, which never allocate.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count(layout.size());
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count(new_size);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const MINIMAL: &str = include_str!("specs/minimal.yaml");

/// Bytes allocated and allocations made to load `text`, then generate from
/// it or render its errors. Returns whether it loaded.
fn work(text: &str) -> (u64, u64, bool) {
    let before = (BYTES.with(Cell::get), CALLS.with(Cell::get));
    let loaded = match load_str("case.yaml", text) {
        Ok(spec) => {
            emit::emit(&spec).expect("a checked spec generates");
            true
        }
        Err(diagnostics) => {
            assert!(!diagnostics.to_string().is_empty());
            false
        }
    };
    let after = (BYTES.with(Cell::get), CALLS.with(Cell::get));
    (after.0 - before.0, after.1 - before.1, loaded)
}

/// Asserts the work for `make(4n)` grew at most 1.5 times as much as the
/// input did from `make(n)` (a quadratic step would grow it about 4 times as
/// much), and that both sizes load, or both are refused, as `loads` says.
fn linear(family: &str, n: usize, loads: bool, make: impl Fn(usize) -> String) {
    let (small, large) = (make(n), make(4 * n));
    let (bytes_n, calls_n, loaded_n) = work(&small);
    let (bytes_4n, calls_4n, loaded_4n) = work(&large);
    assert_eq!((loaded_n, loaded_4n), (loads, loads), "{family}");
    let (bytes, calls) = (
        bytes_4n as f64 / bytes_n as f64,
        calls_4n as f64 / calls_n as f64,
    );
    let input = large.len() as f64 / small.len() as f64;
    eprintln!(
        "{family}: {} → {} input bytes ({input:.2}x): {bytes:.2}x bytes allocated, {calls:.2}x allocations",
        small.len(),
        large.len()
    );
    assert!(input >= 1.9, "{family}: the input must grow to compare");
    assert!(
        bytes <= 1.5 * input,
        "{family}: bytes allocated grew {bytes:.2}x for {input:.2}x input"
    );
    assert!(
        calls <= 1.5 * input,
        "{family}: allocations grew {calls:.2}x for {input:.2}x input"
    );
}

/// The minimal spec with `extra` added after `anchor`.
fn with(anchor: &str, extra: &str) -> String {
    assert!(MINIMAL.contains(anchor), "{anchor:?}");
    MINIMAL.replacen(anchor, &format!("{anchor}{extra}"), 1)
}

#[test]
fn work_grows_linearly_with_the_spec() {
    let elements = "    elements:\n";
    linear("elements in one message", 100, true, |n| {
        let fields: String = (0..n)
            .map(|i| {
                format!(
                    "      - {{json: extra{i}, name: Extra, data_type: Boolean, required: V, source: {{section: \"1\", line: 1}}}}\n"
                )
            })
            .collect();
        with(elements, &fields)
    });
    linear("values in one codeset", 100, true, |n| {
        let values: String = (0..n)
            .map(|i| format!("      - {{code: Extra{i}, label: Extra}}\n"))
            .collect();
        with("    values:\n", &values)
    });
    linear("an error on each element", 100, false, |n| {
        let fields: String = (0..n)
            .map(|i| format!("      - {{json: extra{i}, colour: red}}\n"))
            .collect();
        with(elements, &fields)
    });
    linear("a long text", 900, true, |n| {
        with("  title: A tiny API", &"x".repeat(n))
    });
    linear("a long flow sequence", 100, true, |n| {
        let block =
            "    allowed_characters:\n      - {from: \"a\", to: \"z\"}\n      - {chars: \" -\"}\n";
        assert!(MINIMAL.contains(block));
        let more = ", {chars: \"b\"}".repeat(n);
        let flow = format!(
            "    allowed_characters: [{{from: \"a\", to: \"z\"}}, {{chars: \" -\"}}{more}]\n"
        );
        MINIMAL.replacen(block, &flow, 1)
    });
    // Refused before the YAML library recurses (the limit is 128 levels).
    linear("flow collections nested too deep", 10_000, false, |n| {
        format!("{MINIMAL}x: {}", "[".repeat(n))
    });
    linear("mappings nested too deep", 10_000, false, |n| {
        format!("{MINIMAL}x: {}", "{a: ".repeat(n))
    });
    linear("a text over the limit", 100_000, false, |n| {
        with("  title: A tiny API", &"x".repeat(n))
    });
    linear("unknown keys, each with a did-you-mean", 100, false, |n| {
        let keys: String = (0..n).map(|i| format!("  titel{i}: 1\n")).collect();
        with("document:\n", &keys)
    });
}
