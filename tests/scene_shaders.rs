//! Every scene and post shader parses and validates with naga (no GPU needed).

use naga::valid::{Capabilities, ValidationFlags, Validator};

#[test]
fn every_scene_shader_validates() {
    let sources = nextword::scene::shaders::all_sources();
    assert!(
        sources.len() >= 13,
        "expected every scene/post shader, got {}",
        sources.len()
    );
    let mut failures = Vec::new();
    for (name, source) in sources {
        let module = match naga::front::wgsl::parse_str(&source) {
            Ok(module) => module,
            Err(e) => {
                failures.push(format!("{name}.wgsl: {}", e.emit_to_string(&source)));
                continue;
            }
        };
        if let Err(e) =
            Validator::new(ValidationFlags::all(), Capabilities::all()).validate(&module)
        {
            failures.push(format!("{name}.wgsl: {}", e.emit_to_string(&source)));
        }
    }
    assert!(
        failures.is_empty(),
        "invalid shaders:\n{}",
        failures.join("\n")
    );
}
