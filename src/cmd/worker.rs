//! `levelscan __worker`: the process side of parser isolation. Started by
//! the batch's worker pool, never by a user (the subcommand is hidden). It
//! loads the rubric once, then reads file paths on standard input and
//! answers each with the file's screened record on standard output, until
//! standard input closes. The record names the file as the parent shows
//! it (`Path::display`), so the parent can file it away unread.

use levelscan::isolate::worker;
use levelscan::jobfit::JobContext;
use levelscan::rubric::{load_default_deferred, load_file};
use levelscan::screen::{BriefRequest, keep_strongest, screen_file};

use super::posting::{Skills, job_rules, resolve_spec};
use super::{CommandError, Outcome};
use crate::cli::WorkerArgs;

pub fn run(args: &WorkerArgs) -> Result<Outcome, CommandError> {
    let limits = args.limits.to_limits();
    // The embedded rubric's rules are compiled as they are first used
    // (most sentences are answered by their ASCII-boundary copies; see
    // `RuleRegex::deferred`); a rubric file is compiled whole, here as in
    // the parent.
    let rubric = match &args.rubric {
        Some(path) => load_file(path)?,
        None => load_default_deferred()?,
    };
    // With a posting, every file is matched against the parent's reading of
    // it, which comes first on standard input: the parent reads the posting
    // while this loads. A reading that does not resolve stops the worker
    // before any file.
    let skills = Skills::load(args.skills.as_deref())?;
    let job = if args.job_from_parent {
        let unreadable =
            |e: &dyn std::fmt::Display| CommandError::Worker(format!("the posting's reading: {e}"));
        let greeting = worker::read_greeting().map_err(|e| unreadable(&e))?;
        let json = std::str::from_utf8(&greeting).map_err(|e| unreadable(&e))?;
        Some((
            resolve_spec(json, skills.vocabulary())?,
            job_rules(&rubric)?,
        ))
    } else {
        None
    };
    let ctx = job.as_ref().map(|(job, rules)| JobContext {
        job,
        vocab: skills.vocabulary(),
        rules,
    });
    worker::serve_stdio(|path| {
        let brief = args.brief.then_some(BriefRequest {
            redact: args.redact,
        });
        let mut screened = screen_file(
            path,
            path.display().to_string(),
            &limits,
            &rubric,
            ctx.as_ref(),
            brief,
        );
        if let Some(quotes) = args.quotes_per_family {
            keep_strongest(&mut screened.record, quotes);
        }
        screened
    })?;
    Ok(Outcome::Complete)
}
