//! Turns `data/prices.json` into Rust code at build time, so the shipped wasm carries the
//! catalog as plain constructors instead of a JSON parser (serde_json alone was ~35 KB of the
//! wasm). The JSON stays the one place prices are edited; a unit test checks the generated
//! catalog equals the parsed file.

use std::fmt::Write as _;

use serde_json::Value;

fn main() {
    println!("cargo:rerun-if-changed=data/prices.json");
    let text = std::fs::read_to_string("data/prices.json").expect("data/prices.json");
    let json: Value = serde_json::from_str(&text).expect("data/prices.json is valid JSON");
    let mut code = String::new();
    emit(&mut code, "Catalog", &json);
    let out = std::path::Path::new(&std::env::var("OUT_DIR").unwrap()).join("catalog.rs");
    std::fs::write(out, code).unwrap();
}

/// The Rust struct a JSON object under `key` becomes.
fn struct_for(key: &str) -> &'static str {
    match key {
        "faas" => "FaasPrices",
        "x86_64" | "arm64" => "FaasArchPrices",
        "tiers" => "Tier",
        "vm" => "VmType",
        "container" => "ContainerPrices",
        "onprem" => "OnPremPrices",
        "saas" => "SaasPrices",
        "fx" => "Fx",
        other => panic!("data/prices.json: no struct for key `{other}`"),
    }
}

fn emit(out: &mut String, name: &str, value: &Value) {
    let Value::Object(map) = value else {
        panic!("{name} must be an object")
    };
    let _ = write!(out, "{name} {{");
    for (key, v) in map {
        let _ = write!(out, "{key}: ");
        field(out, key, v);
        out.push_str(", ");
    }
    out.push('}');
}

fn field(out: &mut String, key: &str, v: &Value) {
    // The one optional field: a tier's upper bound.
    if key == "up_to_gb_s" {
        match v {
            Value::Null => out.push_str("None"),
            _ => {
                out.push_str("Some(");
                field(out, "", v);
                out.push(')');
            }
        }
        return;
    }
    match v {
        Value::String(s) => {
            let _ = write!(out, "String::from({s:?})");
        }
        Value::Number(n) => {
            let x = n.as_f64().expect("finite number");
            let _ = write!(out, "{x:?}_f64");
        }
        Value::Array(items) => {
            out.push_str("vec![");
            for item in items {
                emit(out, struct_for(key), item);
                out.push_str(", ");
            }
            out.push(']');
        }
        Value::Object(_) => emit(out, struct_for(key), v),
        Value::Bool(_) | Value::Null => panic!("data/prices.json: unexpected value for `{key}`"),
    }
}
