//! Prints the annotation of text read from stdin as CoNLL-U, with each sentence's kind:
//! a development aid for looking at what the tagger and parser did.
//!
//! `cargo run --release --example annotate [-- --model FILE] < article.txt`

use std::io::Read;

use actorgraph::model::{Article, Origin};
use actorgraph::nlp::Nlp;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text)?;
    let args: Vec<String> = std::env::args().skip(1).collect();
    let nlp = match args.as_slice() {
        [] => Nlp::load_default()?,
        [flag, path] if flag == "--model" => Nlp::from_bytes(&std::fs::read(path)?)?,
        _ => return Err("usage: annotate [--model FILE] < text".into()),
    };
    let article = Article {
        id: "stdin".into(),
        title: None,
        date: None,
        url: None,
        text,
        origin: Origin {
            path: "<stdin>".into(),
            line: None,
        },
    };
    let doc = nlp.annotate(article);
    for s in &doc.sentences {
        println!(
            "# sentence {} ({:?}) = {}",
            s.index,
            s.kind,
            &doc.article.text[s.span.range()]
        );
        for (i, t) in s.tokens.iter().enumerate() {
            let head = t.head.map_or(0, |h| h + 1);
            println!(
                "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                i + 1,
                t.form,
                t.lemma,
                t.upos,
                t.xpos,
                head,
                t.deprel
            );
        }
        println!();
    }
    Ok(())
}
