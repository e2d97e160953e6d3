//! The Fluent bundles: one per language, parsed once from the embedded `.ftl` files.
//!
//! How it works: [`bundle`] builds a thread-safe `FluentBundle` for a language the first time it
//! is asked for and keeps it in a `OnceLock`. Bidi isolation marks are off (the app only speaks
//! left-to-right languages, and egui would draw the marks as boxes) and numbers are formatted by
//! [`super::format`] with the language's separators. [`message_ids`] and [`message_variables`]
//! read the files with `fluent_syntax` for the tests that hold every translation to English.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::sync::{Mutex, OnceLock};

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::types::{FluentNumber, FluentNumberOptions};
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;

use super::{Arg, Lang};

type Bundle = FluentBundle<FluentResource>;
type Memoizer = intl_memoizer::concurrent::IntlLangMemoizer;

/// The Fluent source of `lang`.
pub fn source_of(lang: Lang) -> &'static str {
    match lang {
        Lang::En => include_str!("../../assets/i18n/en.ftl"),
        Lang::De => include_str!("../../assets/i18n/de.ftl"),
        Lang::Fr => include_str!("../../assets/i18n/fr.ftl"),
        Lang::Es => include_str!("../../assets/i18n/es.ftl"),
    }
}

/// Formats Fluent numbers in `L`'s way (`L` is the index of a [`Lang`]).
fn number_formatter<const L: u8>(value: &FluentValue, _: &Memoizer) -> Option<String> {
    let FluentValue::Number(n) = value else {
        return None;
    };
    let digits = n.options.minimum_fraction_digits.unwrap_or(0);
    Some(super::format::number_in(
        Lang::from_index(L),
        n.value,
        digits,
    ))
}

fn build(lang: Lang) -> Bundle {
    let id: unic_langid::LanguageIdentifier = lang.code().parse().unwrap_or_default();
    let mut bundle = Bundle::new_concurrent(vec![id]);
    bundle.set_use_isolating(false);
    bundle.set_formatter(Some(match lang {
        Lang::En => number_formatter::<0>,
        Lang::De => number_formatter::<1>,
        Lang::Fr => number_formatter::<2>,
        Lang::Es => number_formatter::<3>,
    }));
    // A file that does not parse keeps the messages that did (the tests fail on any error).
    let resource = match FluentResource::try_new(source_of(lang).to_owned()) {
        Ok(r) => r,
        Err((r, errors)) => {
            log::error!("{}.ftl: {} syntax error(s)", lang.code(), errors.len());
            r
        }
    };
    if let Err(errors) = bundle.add_resource(resource) {
        log::error!("{}.ftl: {} duplicate message(s)", lang.code(), errors.len());
    }
    bundle
}

fn bundle(lang: Lang) -> &'static Bundle {
    static BUNDLES: [OnceLock<Bundle>; 4] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    BUNDLES[usize::from(lang.index())].get_or_init(|| build(lang))
}

fn split(id: &str) -> (&str, Option<&str>) {
    match id.split_once('.') {
        Some((message, attribute)) => (message, Some(attribute)),
        None => (id, None),
    }
}

/// Whether `lang` has message `id` (or `id.attribute`).
pub(super) fn has(lang: Lang, id: &str) -> bool {
    let (message, attribute) = split(id);
    bundle(lang)
        .get_message(message)
        .is_some_and(|m| match attribute {
            Some(a) => m.get_attribute(a).is_some(),
            None => m.value().is_some(),
        })
}

/// Message `id` formatted in `lang`, if `lang` has it.
pub(super) fn format(lang: Lang, id: &str, args: &[(&str, Arg)]) -> Option<String> {
    let bundle = bundle(lang);
    let (message, attribute) = split(id);
    let message = bundle.get_message(message)?;
    let pattern = match attribute {
        Some(a) => message.get_attribute(a)?.value(),
        None => message.value()?,
    };
    let mut fluent_args = FluentArgs::with_capacity(args.len());
    for (name, value) in args {
        fluent_args.set(*name, fluent_value(value));
    }
    let mut errors = Vec::new();
    let text = bundle.format_pattern(pattern, Some(&fluent_args), &mut errors);
    if !errors.is_empty() {
        log::warn!("message {id} in {}: {errors:?}", lang.code());
    }
    Some(match text {
        Cow::Borrowed(s) => s.to_owned(),
        Cow::Owned(s) => s,
    })
}

fn fluent_value(arg: &Arg) -> FluentValue<'static> {
    match arg {
        Arg::Text(s) => FluentValue::String(Cow::Owned(s.clone())),
        Arg::Int(n) => {
            FluentValue::Number(FluentNumber::new(*n as f64, FluentNumberOptions::default()))
        }
        Arg::Decimal(x, digits) => FluentValue::Number(FluentNumber::new(
            *x,
            FluentNumberOptions {
                minimum_fraction_digits: Some(usize::from(*digits)),
                maximum_fraction_digits: Some(usize::from(*digits)),
                ..FluentNumberOptions::default()
            },
        )),
    }
}

/// Logs an unknown message id once.
pub(super) fn report_missing(id: &str) {
    static REPORTED: OnceLock<Mutex<HashSet<String>>> = OnceLock::new();
    let reported = REPORTED.get_or_init(Default::default);
    if let Ok(mut seen) = reported.lock()
        && seen.insert(id.to_owned())
    {
        log::error!("no message `{id}` in any language");
    }
}

/// Every message and attribute id of `lang`'s file (`id` and `id.attribute`), and any syntax
/// errors as one line each.
pub fn message_ids(lang: Lang) -> Result<BTreeSet<String>, Vec<String>> {
    Ok(messages(lang)?.into_keys().collect())
}

/// The variables (`$name`) each message and attribute of `lang` uses.
pub fn message_variables(lang: Lang) -> Result<BTreeMap<String, BTreeSet<String>>, Vec<String>> {
    messages(lang)
}

fn messages(lang: Lang) -> Result<BTreeMap<String, BTreeSet<String>>, Vec<String>> {
    let resource = fluent_syntax::parser::parse(source_of(lang)).map_err(|(_, errors)| {
        errors
            .iter()
            .map(|e| format!("{}.ftl: {e:?}", lang.code()))
            .collect::<Vec<_>>()
    })?;
    let mut out = BTreeMap::new();
    for entry in &resource.body {
        if let ast::Entry::Message(m) = entry {
            if let Some(value) = &m.value {
                out.insert(m.id.name.to_owned(), variables(value));
            }
            for a in &m.attributes {
                out.insert(format!("{}.{}", m.id.name, a.id.name), variables(&a.value));
            }
        }
    }
    Ok(out)
}

fn variables(pattern: &ast::Pattern<&str>) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    walk_pattern(pattern, &mut out);
    out
}

fn walk_pattern(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, out);
        }
    }
}

fn walk_expression(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            walk_inline(selector, out);
            for v in variants {
                walk_pattern(&v.value, out);
            }
        }
        ast::Expression::Inline(inline) => walk_inline(inline, out),
    }
}

fn walk_inline(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for p in &arguments.positional {
                walk_inline(p, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, out),
        _ => {}
    }
}
