//! A running `git ... -z` command read one NUL-terminated field at a time, so that `cse` can
//! stop it as soon as it has what it needs.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, ChildStdout, Command};

use super::{GitError, failed, spawn};

pub(super) struct FieldStream {
    child: Child,
    reader: BufReader<ChildStdout>,
}

impl FieldStream {
    pub(super) fn start(cmd: &mut Command, name: &str) -> Result<FieldStream, GitError> {
        let mut child = spawn(cmd, name)?;
        let Some(stdout) = child.stdout.take() else {
            let _ = child.kill();
            let _ = child.wait();
            return Err(failed(name, "its output could not be read"));
        };
        Ok(FieldStream {
            child,
            reader: BufReader::new(stdout),
        })
    }

    /// Reads the next field into `field`, without its NUL or the newline git puts between
    /// records. `false` at the end of the output.
    pub(super) fn next_into(&mut self, field: &mut Vec<u8>) -> bool {
        field.clear();
        match self.reader.read_until(0, field) {
            Ok(0) | Err(_) => return false,
            Ok(_) => {}
        }
        if field.last() == Some(&0) {
            field.pop();
        }
        if field.first() == Some(&b'\n') {
            field.remove(0);
        }
        true
    }

    /// Stops git, whether or not it has finished.
    pub(super) fn stop(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    /// Waits for git to end; on failure, what it said on standard error.
    pub(super) fn finish(mut self) -> Result<(), String> {
        drop(self.reader);
        let status = self.child.wait();
        if status.is_ok_and(|s| s.success()) {
            return Ok(());
        }
        let mut message = String::new();
        if let Some(mut e) = self.child.stderr.take() {
            let _ = e.read_to_string(&mut message);
        }
        Err(message.trim().to_owned())
    }
}
