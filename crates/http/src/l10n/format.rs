//! Numbers, dates and the script's messages, per locale.
//!
//! Fluent formats numbers without grouping; its bundles take a formatter, and this is
//! ours: each locale's digit grouping as CLDR gives it (Spanish leaves four-digit numbers
//! alone; French and Russian group with spaces). Arabic pages use Western digits, which
//! are read across the Maghreb and the Levant, where most Arabic-speaking supporters of
//! the campaigns Placard was built for live. Month names and the order of a date's parts
//! are messages (`month-1` … `month-12`, `date-day`, `date-time`), so translators own them.

use super::{Locale, Tr};
use chrono::{Datelike, Timelike};
use fluent_bundle::{FluentArgs, FluentValue};
use fluent_syntax::ast;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};
use std::collections::BTreeSet;

/// The separator between groups of three digits, and the fewest digits a number needs
/// before it is grouped at all.
fn grouping(l: Locale) -> (&'static str, usize) {
    match l {
        Locale::En | Locale::Ar => (",", 4),
        Locale::Es => (".", 5),
        Locale::Pt => (".", 4),
        Locale::Fr => ("\u{202F}", 4),
        Locale::Ru => ("\u{00A0}", 4),
    }
}

/// `n` with the locale's digit grouping: `12408` is `12,408`, `12.408`, `12 408`.
pub fn group(l: Locale, n: i64) -> String {
    let (sep, min) = grouping(l);
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    if n < 0 {
        out.push('-');
    }
    if digits.len() < min {
        out.push_str(&digits);
        return out;
    }
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

fn number<M, const L: usize>(v: &FluentValue, _: &M) -> Option<String> {
    match v {
        FluentValue::Number(n) if n.value.fract() == 0.0 && n.value.abs() < 1e15 => {
            Some(group(Locale::ALL[L], n.value as i64))
        }
        _ => None,
    }
}

/// The bundle formatter of locale `l`: a plain function per locale, as Fluent wants it.
pub fn formatter_for<M>(l: Locale) -> fn(&FluentValue, &M) -> Option<String> {
    match l {
        Locale::En => number::<M, 0>,
        Locale::Es => number::<M, 1>,
        Locale::Fr => number::<M, 2>,
        Locale::Pt => number::<M, 3>,
        Locale::Ru => number::<M, 4>,
        Locale::Ar => number::<M, 5>,
    }
}

fn date_args(t: &Tr<'_>, at: chrono::DateTime<chrono::Utc>) -> FluentArgs<'static> {
    let mut args = FluentArgs::new();
    args.set("day", FluentValue::from(at.day().to_string()));
    args.set(
        "month",
        FluentValue::from(t.get(&format!("month-{}", at.month()))),
    );
    args.set("year", FluentValue::from(at.year().to_string()));
    args.set(
        "time",
        FluentValue::from(format!("{:02}:{:02}", at.hour(), at.minute())),
    );
    args
}

pub fn date_time(t: &Tr<'_>, at: chrono::DateTime<chrono::Utc>) -> String {
    t.catalog
        .message(t.locale, "date-time", Some(&date_args(t, at)))
}

pub fn day(t: &Tr<'_>, at: chrono::DateTime<chrono::Utc>) -> String {
    t.catalog
        .message(t.locale, "date-day", Some(&date_args(t, at)))
}

/// The variables a pattern uses, and those it selects on (its plurals).
#[derive(Default, Debug, PartialEq, Eq)]
pub struct Variables {
    pub used: BTreeSet<String>,
    pub selectors: BTreeSet<String>,
}

fn walk_inline(e: &ast::InlineExpression<&str>, vars: &mut Variables) {
    match e {
        ast::InlineExpression::VariableReference { id } => {
            vars.used.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                walk_inline(a, vars);
            }
        }
        ast::InlineExpression::Placeable { expression } => walk_expr(expression, vars),
        _ => {}
    }
}

fn walk_expr(e: &ast::Expression<&str>, vars: &mut Variables) {
    match e {
        ast::Expression::Inline(i) => walk_inline(i, vars),
        ast::Expression::Select { selector, variants } => {
            if let ast::InlineExpression::VariableReference { id } = selector {
                vars.selectors.insert(id.name.to_owned());
            }
            walk_inline(selector, vars);
            for v in variants {
                walk_pattern(&v.value, vars);
            }
        }
    }
}

pub fn walk_pattern(p: &ast::Pattern<&str>, vars: &mut Variables) {
    for el in &p.elements {
        if let ast::PatternElement::Placeable { expression } = el {
            walk_expr(expression, vars);
        }
    }
}

/// Every message of a locale's file with the variables it uses.
pub fn messages_of(l: Locale) -> Vec<(String, Variables)> {
    let resource =
        fluent_bundle::FluentResource::try_new(l.source().to_owned()).unwrap_or_else(|(r, _)| r);
    resource
        .entries()
        .filter_map(|e| match e {
            ast::Entry::Message(m) => {
                let mut vars = Variables::default();
                if let Some(p) = &m.value {
                    walk_pattern(p, &mut vars);
                }
                Some((m.id.name.to_owned(), vars))
            }
            _ => None,
        })
        .collect()
}

fn category_name(c: PluralCategory) -> &'static str {
    match c {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

/// The `js-*` messages of `t`'s locale for the page script. Arguments stay as `{name}`.
/// A message that selects on a number is formatted once per plural category of the
/// locale, with a number of that category standing in, which is then put back as `{n}`.
pub fn script_messages(t: &Tr<'_>) -> serde_json::Value {
    let id: unic_langid::LanguageIdentifier = t.locale.code().parse().expect("langid");
    let rules = PluralRules::create(id, PluralRuleType::CARDINAL).ok();
    let mut samples: Vec<(&'static str, u64)> = Vec::new();
    if let Some(rules) = &rules {
        for n in 0..=1000u64 {
            if let Ok(c) = rules.select(n) {
                let name = category_name(c);
                if !samples.iter().any(|(s, _)| *s == name) {
                    samples.push((name, n));
                }
            }
        }
    }
    let mut out = serde_json::Map::new();
    for (id, vars) in messages_of(Locale::En) {
        if !id.starts_with("js-") {
            continue;
        }
        let marked = |except: Option<&str>| {
            let mut args = FluentArgs::new();
            for v in vars.used.iter().filter(|v| Some(v.as_str()) != except) {
                args.set(v.clone(), FluentValue::from(format!("{{{v}}}")));
            }
            args
        };
        let value = match vars.selectors.iter().next() {
            None => serde_json::Value::from(t.catalog.message(t.locale, &id, Some(&marked(None)))),
            Some(sel) => {
                let mut forms = serde_json::Map::new();
                for (name, n) in &samples {
                    let mut args = marked(Some(sel));
                    args.set(sel.clone(), FluentValue::from(*n));
                    let text = t.catalog.message(t.locale, &id, Some(&args));
                    let shown = group(t.locale, *n as i64);
                    forms.insert(
                        (*name).to_owned(),
                        text.replacen(&shown, &format!("{{{sel}}}"), 1).into(),
                    );
                }
                // Integers never fall in some languages' "other" (Russian keeps it for
                // fractions): the browser still finds a form for every category.
                if !forms.contains_key("other") {
                    let last = forms.get("many").or_else(|| forms.values().next()).cloned();
                    if let Some(last) = last {
                        forms.insert("other".to_owned(), last);
                    }
                }
                forms.insert("_n".to_owned(), sel.clone().into());
                serde_json::Value::Object(forms)
            }
        };
        out.insert(id, value);
    }
    serde_json::Value::Object(out)
}
