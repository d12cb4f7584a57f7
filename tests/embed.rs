//! Embedding options: every option, and every malformed value falls back with a warning.
#![cfg(not(target_arch = "wasm32"))]
use threshold_guide::embed::{parse, Audience, Options, StartAt, DEFAULT_EXIT_URL};

#[test]
fn no_options_means_the_defaults() {
    let (o, w) = parse([("data-threshold-guide", "")]);
    assert_eq!(o, Options::default());
    assert!(w.is_empty());
    assert_eq!(o.exit_url, DEFAULT_EXIT_URL);
}

#[test]
fn every_option_from_attributes_and_from_javascript_names() {
    let (o, w) = parse([
        ("data-audience", "GP"),
        ("data-rules", "luton"),
        ("data-start", "safety"),
        ("data-contact-line", "  Your DSL is on ext. 123 "),
        ("data-quick-exit", ""),
        ("data-exit-url", "/neutral.html"),
    ]);
    assert!(w.is_empty(), "{w:?}");
    assert_eq!(o.audience, Audience::Gp);
    assert_eq!(o.start, StartAt::Safety);
    assert_eq!(o.contact_line.as_deref(), Some("Your DSL is on ext. 123"));
    assert!(o.quick_exit);
    assert_eq!(o.exit_url, "/neutral.html");
    let (o2, w2) =
        parse([("audience", "gp"), ("start", "safety"), ("contactLine", "Your DSL is on ext. 123"), ("quickExit", "true"), ("exitUrl", "/neutral.html")]);
    assert!(w2.is_empty(), "{w2:?}");
    assert_eq!(o, o2);
}

#[test]
fn malformed_options_warn_and_fall_back() {
    for (name, value, says) in [
        ("data-audience", "teacher", "audience \"teacher\" is not known"),
        ("data-rules", "Luton 2021", "rules \"Luton 2021\" is not a rule-set id"),
        ("data-rules", "../luton", "rules \"../luton\" is not a rule-set id"),
        ("data-start", "indicators", "start \"indicators\" is not known"),
        ("data-exit-url", "javascript:alert(1)", "exit-url"),
        ("data-exit-url", "//evil.example", "exit-url"),
        ("data-quick-exit", "sometimes", "quick-exit \"sometimes\""),
        ("data-colour", "red", "option \"data-colour\" is not known"),
        ("data-contact-line", "", "contact-line is empty"),
    ] {
        let (o, w) = parse([(name, value)]);
        assert_eq!(w.len(), 1, "{name}={value}: {w:?}");
        assert!(w[0].contains(says), "{name}={value}: {}", w[0]);
        assert_eq!(o, Options::default(), "{name}={value} must leave the defaults");
    }
    let long = "x".repeat(201);
    let (o, w) = parse([("data-contact-line", long.as_str())]);
    assert!(o.contact_line.is_none() && w[0].contains("longer than 200"));
}

#[test]
fn public_audience_always_has_quick_exit() {
    let (o, w) = parse([("data-audience", "public")]);
    assert!(o.quick_exit && w.is_empty());
    let (o, w) = parse([("data-audience", "public"), ("data-quick-exit", "false")]);
    assert!(o.quick_exit);
    assert_eq!(w, ["quick-exit cannot be switched off for the public audience"]);
    let (o, _) = parse([("data-audience", "voluntary")]);
    assert!(!o.quick_exit);
}

#[test]
fn any_rules_id_is_accepted_and_the_loader_decides_whether_it_exists() {
    for id in ["luton", "luton-2021", "a", "x9-2"] {
        let (o, w) = parse([("data-rules", id)]);
        assert!(w.is_empty(), "{id}: {w:?}");
        assert_eq!(o.rules, id);
    }
    for bad in ["", "-luton", "Luton", "luton_2021", "luton/2021", &"x".repeat(41)] {
        assert!(!threshold_guide::embed::is_rules_id(bad), "{bad:?}");
    }
}

/// The constants the Rust widget and the static JavaScript share are written the same in both.
#[test]
fn rust_and_javascript_agree_on_shared_constants() {
    use threshold_guide::embed::{DEFAULT_EXIT_URL, DEFAULT_RULES, MESSAGE_EXIT, MESSAGE_RESIZE};
    // The loader is generated: its rule-set default and id pattern are the widget's.
    let loader = std::fs::read_to_string(format!("{}/scripts/write-loader.mjs", env!("CARGO_MANIFEST_DIR"))).unwrap();
    assert!(loader.contains(&format!("const DEFAULT_RULES = '{DEFAULT_RULES}';")), "scripts/write-loader.mjs: DEFAULT_RULES");
    assert!(loader.contains("/^[a-z0-9][a-z0-9-]{0,39}$/"), "scripts/write-loader.mjs: the rule-set id pattern");
    let read = |f: &str| std::fs::read_to_string(format!("{}/static/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap();
    let host = read("host-frame.js");
    let frame = read("embed-frame.js");
    for (file, text, constant) in [
        ("host-frame.js", &host, DEFAULT_EXIT_URL),
        ("host-frame.js", &host, MESSAGE_EXIT),
        ("host-frame.js", &host, MESSAGE_RESIZE),
        ("embed-frame.js", &frame, MESSAGE_RESIZE),
    ] {
        assert!(text.contains(&format!("'{constant}'")), "static/{file} does not say '{constant}'");
    }
}
