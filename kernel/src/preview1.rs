//! WASI preview 1 modules as components. wasmtime's adapter turns the preview 1 calls into
//! WASI 0.2, but it ends `proc_exit(n)` as `exit(err)` for every n but 0, so statuses
//! 2 to 255 (C's `exit(3)`, CPython's `sys.exit(5)`, a SAT solver's verdict) arrive as 1.
//! wasmtime's own preview 1 host keeps them. So `proc_exit` is taken from a one-function
//! adapter of ours instead, which calls `wasi:cli/exit.exit-with-code` with the status.
//! (A preview 1 host of our own would fix the adapter's other limits too; this fixes the
//! one that changes what every such program reports, at the cost of a few lines.)

use wasi_preview1_component_adapter_provider::{
    WASI_SNAPSHOT_PREVIEW1_ADAPTER_NAME, WASI_SNAPSHOT_PREVIEW1_COMMAND_ADAPTER,
};
use wasm_encoder::reencode::{Reencode, RoundtripReencoder};
use wasm_encoder::{
    CodeSection, EntityType, ExportKind, ExportSection, Function, FunctionSection, ImportSection,
    Module, TypeSection, ValType,
};

/// Names this way of adapting, for the compile cache: artifacts of an older one are not
/// used.
pub const ADAPTATION: &str = "p1-exit-with-code";

/// The import module name the program's `proc_exit` is routed to.
const EXIT_ADAPTER_NAME: &str = "wasmix_proc_exit";

/// What the exit adapter imports: only `exit-with-code`, named as Rust guests name it (the
/// kernel's linker serves every 0.2 version).
const EXIT_WORLD: &str = "package wasi:cli@0.2.6;
interface exit {
  exit-with-code: func(status-code: u8);
}
world proc-exit {
  import exit;
}
";

/// Wraps a preview 1 command module into a component.
pub fn adapt(module: &[u8]) -> Result<Vec<u8>, String> {
    let routed = route_proc_exit(module)?;
    let mut encoder = wit_component::ComponentEncoder::default()
        .module(routed.as_deref().unwrap_or(module))
        .and_then(|encoder| {
            encoder.adapter(
                WASI_SNAPSHOT_PREVIEW1_ADAPTER_NAME,
                WASI_SNAPSHOT_PREVIEW1_COMMAND_ADAPTER,
            )
        })
        .map_err(|e| format!("{e:#}"))?;
    if routed.is_some() {
        let adapter = exit_adapter()?;
        encoder = encoder
            .adapter(EXIT_ADAPTER_NAME, &adapter)
            .map_err(|e| format!("{e:#}"))?;
    }
    encoder
        .validate(true)
        .encode()
        .map_err(|e| format!("{e:#}"))
}

/// The module with its `wasi_snapshot_preview1.proc_exit` import taken from the exit
/// adapter; None when it has no such import.
fn route_proc_exit(module: &[u8]) -> Result<Option<Vec<u8>>, String> {
    let imports_exit = wasmparser::Parser::new(0)
        .parse_all(module)
        .filter_map(Result::ok)
        .filter_map(|payload| match payload {
            wasmparser::Payload::ImportSection(reader) => Some(reader),
            _ => None,
        })
        .flat_map(|reader| reader.into_imports())
        .filter_map(Result::ok)
        .any(|import| is_proc_exit(&import));
    if !imports_exit {
        return Ok(None);
    }
    let mut routed = Module::new();
    RouteProcExit
        .parse_core_module(&mut routed, wasmparser::Parser::new(0), module)
        .map_err(|e| e.to_string())?;
    Ok(Some(routed.finish()))
}

fn is_proc_exit(import: &wasmparser::Import<'_>) -> bool {
    import.module == WASI_SNAPSHOT_PREVIEW1_ADAPTER_NAME && import.name == "proc_exit"
}

/// Copies a module, renaming one import's module.
struct RouteProcExit;

impl Reencode for RouteProcExit {
    type Error = std::convert::Infallible;

    fn parse_imports(
        &mut self,
        section: &mut ImportSection,
        imports: wasmparser::Imports<'_>,
    ) -> Result<(), wasm_encoder::reencode::Error<Self::Error>> {
        // Each import on its own, so one of a compact group can change its module.
        let singles: Vec<wasmparser::Import<'_>> = match imports {
            wasmparser::Imports::Single(_, import) => vec![import],
            group => group
                .into_iter()
                .map(|item| item.map(|(_, import)| import))
                .collect::<Result<_, _>>()?,
        };
        for import in singles {
            let module = if is_proc_exit(&import) {
                EXIT_ADAPTER_NAME
            } else {
                import.module
            };
            let ty: EntityType = RoundtripReencoder.entity_type(import.ty)?;
            section.import(module, import.name, ty);
        }
        Ok(())
    }
}

/// The adapter: `proc_exit(status)` calls `exit-with-code(status)`.
fn exit_adapter() -> Result<Vec<u8>, String> {
    let mut module = Module::new();
    let mut types = TypeSection::new();
    types.ty().function([ValType::I32], []);
    module.section(&types);
    let mut imports = ImportSection::new();
    imports.import(
        "wasi:cli/exit@0.2.6",
        "exit-with-code",
        EntityType::Function(0),
    );
    module.section(&imports);
    let mut functions = FunctionSection::new();
    functions.function(0);
    module.section(&functions);
    let mut exports = ExportSection::new();
    exports.export("proc_exit", ExportKind::Func, 1);
    module.section(&exports);
    let mut body = Function::new([]);
    body.instructions().local_get(0).call(0).unreachable().end();
    let mut code = CodeSection::new();
    code.function(&body);
    module.section(&code);
    let mut bytes = module.finish();
    let mut resolve = wit_parser::Resolve::default();
    let package = resolve
        .push_str("proc-exit.wit", EXIT_WORLD)
        .map_err(|e| format!("{e:#}"))?;
    let world = resolve
        .select_world(&[package], Some("proc-exit"))
        .map_err(|e| format!("{e:#}"))?;
    wit_component::embed_component_metadata(
        &mut bytes,
        &resolve,
        world,
        wit_component::StringEncoding::UTF8,
    )
    .map_err(|e| format!("{e:#}"))?;
    Ok(bytes)
}
