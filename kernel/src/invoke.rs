//! `wasmix run --invoke NAME`: a core module's exported function called with the
//! command line's arguments as its parameters and its results printed, as
//! `wasmtime run --invoke` does (its warnings, its number formats, its errors).
//! Only `wasmix run` asks for it, whose program has the host's own stdout and stderr.

use wasmtime::{Instance, Store, Val, ValType};

/// A parameter from its text: integers in decimal or `0x` hexadecimal, floats as Rust
/// reads them.
fn parameter(text: &str, kind: &ValType) -> wasmtime::Result<Val> {
    let hex = text.strip_prefix("0x").or_else(|| text.strip_prefix("0X"));
    Ok(match kind {
        ValType::I32 => Val::I32(match hex {
            Some(digits) => i32::from_str_radix(digits, 16)?,
            None => text.parse()?,
        }),
        ValType::I64 => Val::I64(match hex {
            Some(digits) => i64::from_str_radix(digits, 16)?,
            None => text.parse()?,
        }),
        ValType::F32 => Val::F32(text.parse::<f32>()?.to_bits()),
        ValType::F64 => Val::F64(text.parse::<f64>()?.to_bits()),
        other => wasmtime::bail!("unsupported argument type {other}"),
    })
}

/// A result as wasmtime prints it.
fn shown(value: &Val) -> String {
    let null_or = |is_null: bool, name: &str| match is_null {
        true => format!("<null {name}>"),
        false => format!("<{name}>"),
    };
    match value {
        Val::I32(n) => n.to_string(),
        Val::I64(n) => n.to_string(),
        Val::F32(bits) => f32::from_bits(*bits).to_string(),
        Val::F64(bits) => f64::from_bits(*bits).to_string(),
        Val::V128(v) => v.as_u128().to_string(),
        Val::ExternRef(r) => null_or(r.is_none(), "externref"),
        Val::FuncRef(r) => null_or(r.is_none(), "funcref"),
        Val::AnyRef(r) => null_or(r.is_none(), "anyref"),
        Val::ExnRef(r) => null_or(r.is_none(), "exnref"),
        Val::ContRef(r) => null_or(r.is_none(), "contref"),
    }
}

/// Calls `name` of `instance` with `arguments` (the program's, after argv[0]).
pub async fn invoke<T: Send>(
    store: &mut Store<T>,
    instance: &Instance,
    name: &str,
    arguments: &[String],
) -> wasmtime::Result<()> {
    let function = instance
        .get_func(&mut *store, name)
        .ok_or_else(|| wasmtime::format_err!("no func export named `{name}` found"))?;
    let signature = function.ty(&*store);
    if signature.params().len() > 0 {
        eprintln!(
            "warning: using `--invoke` with a function that takes arguments is experimental and may break in the future"
        );
    }
    let mut texts = arguments.iter();
    let mut parameters = Vec::new();
    for kind in signature.params() {
        let Some(text) = texts.next() else {
            wasmtime::bail!("not enough arguments for `{name}`");
        };
        parameters.push(parameter(text, &kind)?);
    }
    let mut results = vec![Val::null_func_ref(); signature.results().len()];
    function
        .call_async(&mut *store, &parameters, &mut results)
        .await
        .map_err(|e| e.context(format!("failed to invoke `{name}`")))?;
    if !results.is_empty() {
        eprintln!(
            "warning: using `--invoke` with a function that returns values is experimental and may break in the future"
        );
    }
    for result in &results {
        println!("{}", shown(result));
    }
    Ok(())
}
