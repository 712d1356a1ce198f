//! Discovery: the paths given on the command line in, every file to screen
//! out, sorted by path.
//!
//! Folders are walked recursively; entries whose name starts with a dot are
//! skipped (a path given explicitly is always honoured). Symbolic links are
//! followed, but each real folder is walked once, so a link loop ends. Real
//! folders are walked before folders reached only through a link, so a file
//! is listed under its own path rather than under a link's. Every file found
//! is returned, whatever its type: deciding what is a resume is extraction's
//! job, and a file levelscan cannot read must still get a row. A path that
//! cannot be read (missing, a folder without permission, a broken link, a
//! pipe) comes back as a [`Found::Error`] on the same list, never a panic.
//!
//! The result never depends on the order the operating system lists a folder
//! or on the order of the paths given: children are sorted before they are
//! visited and the final list is sorted and free of repeats. Paths stay
//! `PathBuf` throughout, so names that are not valid UTF-8 survive.
//!
//! Files to skip (a run's own outputs, written into the folder it screens)
//! are told by device and inode, which a folder listing gives: one `stat`
//! per folder, not per file.

use std::collections::{BTreeSet, HashSet};
use std::fs::{self, FileType};
use std::path::{Path, PathBuf};

/// One entry of the discovery result.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Found {
    /// A file to screen.
    File(PathBuf),
    /// A path that could not be walked or is not a regular file.
    Error { path: PathBuf, error: WalkError },
}

impl Found {
    /// The path this entry is about.
    pub fn path(&self) -> &Path {
        match self {
            Found::File(path) | Found::Error { path, .. } => path,
        }
    }
}

/// Why a path given or found could not be screened.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, thiserror::Error)]
pub enum WalkError {
    #[error("no such file or folder: check the path")]
    NotFound,
    #[error("permission denied: levelscan needs read access")]
    PermissionDenied,
    #[error("broken symbolic link: its target is missing or loops back to itself")]
    BrokenLink,
    #[error("not a regular file (a pipe, socket or device): only files can be screened")]
    NotAFile,
    #[error("cannot read: {0}")]
    Io(String),
}

impl WalkError {
    fn from_io(e: &std::io::Error) -> Self {
        match e.kind() {
            std::io::ErrorKind::NotFound => WalkError::NotFound,
            std::io::ErrorKind::PermissionDenied => WalkError::PermissionDenied,
            _ => WalkError::Io(e.to_string()),
        }
    }
}

/// Find every file under `roots` (files and folders), sorted by path, each
/// path once.
pub fn discover(roots: &[PathBuf]) -> Vec<Found> {
    discover_skipping(roots, &[])
}

/// [`discover`], leaving out the files and folders `skip` names (a run's own outputs,
/// written into the folder it screens) by whatever path they are reached:
/// a link, another hard link, a linked folder.
pub fn discover_skipping(roots: &[PathBuf], skip: &[&Path]) -> Vec<Found> {
    let mut walker = Walker::skipping(skip);
    let mut roots: Vec<&PathBuf> = roots.iter().collect();
    roots.sort();
    roots.dedup();
    for root in roots {
        walker.visit_root(root);
    }
    // Folders reached through a link wait until every real folder has been
    // walked; the smallest path goes first so the outcome is fixed.
    while let Some(dir) = walker.linked_dirs.pop_first() {
        walker.walk_dir(&dir);
    }
    let mut found = walker.found;
    found.sort_by(|a, b| a.path().cmp(b.path()));
    found.dedup_by(|a, b| a.path() == b.path());
    found
}

#[derive(Default)]
struct Walker {
    found: Vec<Found>,
    /// Canonical paths of folders already walked: the guard against loops.
    visited: HashSet<PathBuf>,
    /// Links to folders, walked after the real folders.
    linked_dirs: BTreeSet<PathBuf>,
    /// The files to leave out.
    skip: Vec<Skipped>,
}

/// A file to leave out: what identifies it, and its name as given.
struct Skipped {
    key: FileKey,
    name: std::ffi::OsString,
}

impl Walker {
    fn skipping(skip: &[&Path]) -> Walker {
        // A folder to skip (a run's briefs folder) counts as walked already,
        // so no path reaches into it, a link included.
        let visited = skip
            .iter()
            .filter(|path| path.is_dir())
            .filter_map(|path| fs::canonicalize(path).ok())
            .collect();
        Walker {
            visited,
            skip: skip
                .iter()
                .filter(|path| !path.is_dir())
                .filter_map(|path| {
                    Some(Skipped {
                        key: file_key(path)?,
                        name: path.file_name()?.to_os_string(),
                    })
                })
                .collect(),
            ..Walker::default()
        }
    }

    fn error(&mut self, path: &Path, error: WalkError) {
        self.found.push(Found::Error {
            path: path.to_path_buf(),
            error,
        });
    }

    /// A file found, unless it is one to leave out. `listed` is its key as
    /// the folder listing gave it, where it did: that spares a `stat` per
    /// file.
    fn file(&mut self, path: PathBuf, listed: Option<FileKey>) {
        if !self.is_skipped(&path, listed) {
            self.found.push(Found::File(path));
        }
    }

    fn is_skipped(&self, path: &Path, listed: Option<FileKey>) -> bool {
        if self.skip.is_empty() {
            return false;
        }
        let skipped = |key: &FileKey| self.skip.iter().any(|s| s.key == *key);
        if listed.as_ref().is_some_and(skipped) {
            return true;
        }
        // Some file systems (overlays among them) list an inode number
        // that `stat` does not give: a file named as a skipped one is asked
        // with `stat` all the same.
        let named_alike = self.skip.iter().any(|s| path.file_name() == Some(&*s.name));
        (listed.is_none() || named_alike) && file_key(path).as_ref().is_some_and(skipped)
    }

    /// A path given by the user: hidden or not, a link or not, it is taken.
    fn visit_root(&mut self, root: &Path) {
        match fs::metadata(root) {
            Ok(meta) if meta.is_dir() => self.walk_dir(root),
            Ok(meta) if meta.is_file() => self.file(root.to_path_buf(), None),
            Ok(_) => self.error(root, WalkError::NotAFile),
            Err(e) => {
                let error = if fs::symlink_metadata(root).is_ok() {
                    WalkError::BrokenLink
                } else {
                    WalkError::from_io(&e)
                };
                self.error(root, error);
            }
        }
    }

    /// Walk one folder and every real folder below it; links to folders are
    /// set aside in `linked_dirs`.
    fn walk_dir(&mut self, dir: &Path) {
        // An explicit stack rather than recursion: a deep tree must not
        // overflow ours.
        let mut stack = vec![dir.to_path_buf()];
        while let Some(dir) = stack.pop() {
            match fs::canonicalize(&dir) {
                Ok(real) => {
                    if !self.visited.insert(real) {
                        continue;
                    }
                }
                Err(e) => {
                    self.error(&dir, WalkError::from_io(&e));
                    continue;
                }
            }
            // Keys from the listing are needed only to tell skipped files.
            let device = (!self.skip.is_empty()).then(|| device_of(&dir)).flatten();
            let mut children = match read_children(&dir, device) {
                Ok(children) => children,
                Err(e) => {
                    self.error(&dir, WalkError::from_io(&e));
                    continue;
                }
            };
            // Siblings sort by name as their paths would, and comparing
            // names is cheaper than comparing paths part by part.
            children.sort_by(|a, b| a.name.cmp(&b.name));
            // Reversed so the stack pops them in sorted order.
            for child in children.into_iter().rev() {
                if let Some(subdir) = self.visit_child(dir.join(&child.name), child.kind, child.key)
                {
                    stack.push(subdir);
                }
            }
        }
    }

    /// Classify one folder entry, of the kind the folder listing gave;
    /// returns it when it is a real folder to descend into.
    fn visit_child(
        &mut self,
        path: PathBuf,
        kind: std::io::Result<FileType>,
        listed: Option<FileKey>,
    ) -> Option<PathBuf> {
        let hidden = path
            .file_name()
            .is_some_and(|name| name.as_encoded_bytes().starts_with(b"."));
        if hidden {
            return None;
        }
        let kind = match kind {
            Ok(kind) => kind,
            Err(e) => {
                self.error(&path, WalkError::from_io(&e));
                return None;
            }
        };
        if kind.is_dir() {
            return Some(path);
        }
        if kind.is_file() {
            self.file(path, listed);
            return None;
        }
        if !kind.is_symlink() {
            self.error(&path, WalkError::NotAFile);
            return None;
        }
        match fs::metadata(&path) {
            Ok(target) if target.is_dir() => {
                self.linked_dirs.insert(path);
            }
            Ok(target) if target.is_file() => self.file(path, None),
            Ok(_) => self.error(&path, WalkError::NotAFile),
            // A link whose target is missing, or a link to itself.
            Err(_) => self.error(&path, WalkError::BrokenLink),
        }
        None
    }
}

/// One entry of a folder listing.
struct Child {
    name: std::ffi::OsString,
    /// Not following links. The listing says the kind on most file systems,
    /// which spares a `stat` per file; where it does not, `file_type` asks.
    kind: std::io::Result<FileType>,
    /// Its key as the listing gives it, where it does.
    key: Option<FileKey>,
}

/// `dir`'s entries; with the device its entries lie on, each with its key.
fn read_children(dir: &Path, device: Option<u64>) -> std::io::Result<Vec<Child>> {
    fs::read_dir(dir)?
        .map(|entry| {
            entry.map(|e| Child {
                key: listed_key(device, &e),
                name: e.file_name(),
                kind: e.file_type(),
            })
        })
        .collect()
}

/// What makes two paths the same file, whatever links lead to it: on Unix
/// its device and inode; elsewhere its real path.
#[cfg(unix)]
type FileKey = (u64, u64);
#[cfg(not(unix))]
type FileKey = PathBuf;

#[cfg(unix)]
fn file_key(path: &Path) -> Option<FileKey> {
    use std::os::unix::fs::MetadataExt;
    fs::metadata(path).ok().map(|meta| (meta.dev(), meta.ino()))
}

#[cfg(not(unix))]
fn file_key(path: &Path) -> Option<FileKey> {
    fs::canonicalize(path).ok()
}

/// The device a folder's entries lie on (Unix).
#[cfg(unix)]
fn device_of(dir: &Path) -> Option<u64> {
    file_key(dir).map(|(device, _)| device)
}

#[cfg(not(unix))]
fn device_of(_dir: &Path) -> Option<u64> {
    None
}

/// A listed file's key from its folder's device and the listing's inode
/// number, without a `stat` (Unix; elsewhere the path is resolved).
#[cfg(unix)]
fn listed_key(device: Option<u64>, entry: &fs::DirEntry) -> Option<FileKey> {
    device.map(|device| (device, std::os::unix::fs::DirEntryExt::ino(entry)))
}

#[cfg(not(unix))]
fn listed_key(_device: Option<u64>, _entry: &fs::DirEntry) -> Option<FileKey> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(found: &[Found]) -> Vec<PathBuf> {
        found
            .iter()
            .filter_map(|f| match f {
                Found::File(p) => Some(p.clone()),
                Found::Error { .. } => None,
            })
            .collect()
    }

    fn touch(path: &Path) {
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, b"text").unwrap();
    }

    #[test]
    fn walks_recursively_skips_hidden_and_sorts() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        touch(&root.join("b/resume.pdf"));
        touch(&root.join("a.docx"));
        touch(&root.join("b/c/deep.txt"));
        touch(&root.join(".git/config"));
        touch(&root.join("b/.hidden.pdf"));
        touch(&root.join("photo.png"));
        let found = discover(&[root.to_path_buf()]);
        assert_eq!(
            files(&found),
            vec![
                root.join("a.docx"),
                root.join("b/c/deep.txt"),
                root.join("b/resume.pdf"),
                root.join("photo.png"),
            ]
        );
    }

    #[test]
    fn explicit_hidden_file_is_taken_and_repeats_are_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let hidden = tmp.path().join(".draft.txt");
        touch(&hidden);
        touch(&tmp.path().join("x.txt"));
        let found = discover(&[
            hidden.clone(),
            tmp.path().to_path_buf(),
            tmp.path().join("x.txt"),
        ]);
        assert_eq!(files(&found), vec![hidden, tmp.path().join("x.txt")]);
    }

    /// A file to skip, named through a linked folder, is left out by every
    /// path that reaches it — itself, another hard link, a link — and a
    /// file that only shares its name is kept.
    #[cfg(unix)]
    #[test]
    fn skipped_files_are_left_out_by_any_path() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("root");
        touch(&root.join("ranking.csv"));
        touch(&root.join("sub/ranking.csv"));
        touch(&root.join("a.pdf"));
        fs::hard_link(root.join("ranking.csv"), root.join("hard.csv")).unwrap();
        std::os::unix::fs::symlink(root.join("ranking.csv"), root.join("soft.csv")).unwrap();
        std::os::unix::fs::symlink(&root, tmp.path().join("linked")).unwrap();
        let output = tmp.path().join("linked/ranking.csv");
        let roots = [root.clone()];
        assert_eq!(
            files(&discover_skipping(&roots, &[output.as_path()])),
            vec![root.join("a.pdf"), root.join("sub/ranking.csv")]
        );
        assert_eq!(files(&discover(&roots)).len(), 5);
        // A listing whose inode number is not the one `stat` gives (some
        // overlay file systems): the file named as the output is asked.
        let walker = Walker::skipping(&[output.as_path()]);
        assert!(walker.is_skipped(&root.join("ranking.csv"), Some((0, 0))));
        assert!(!walker.is_skipped(&root.join("sub/ranking.csv"), Some((0, 0))));
        assert!(!walker.is_skipped(&root.join("a.pdf"), Some((0, 0))));
    }

    /// A folder to skip (a run's briefs) is not walked, by any path.
    #[cfg(unix)]
    #[test]
    fn a_skipped_folder_is_not_walked() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("root");
        touch(&root.join("a.pdf"));
        touch(&root.join("briefs/a.docx"));
        std::os::unix::fs::symlink(root.join("briefs"), root.join("linked")).unwrap();
        let briefs = root.join("briefs");
        assert_eq!(
            files(&discover_skipping(
                std::slice::from_ref(&root),
                &[briefs.as_path()]
            )),
            vec![root.join("a.pdf")]
        );
        assert_eq!(
            files(&discover(std::slice::from_ref(&root))),
            vec![root.join("a.pdf"), root.join("briefs/a.docx")]
        );
    }

    #[test]
    fn order_of_roots_does_not_matter() {
        let tmp = tempfile::tempdir().unwrap();
        touch(&tmp.path().join("one/a.txt"));
        touch(&tmp.path().join("two/b.txt"));
        let one = tmp.path().join("one");
        let two = tmp.path().join("two");
        assert_eq!(discover(&[one.clone(), two.clone()]), discover(&[two, one]));
    }

    #[test]
    fn missing_root_is_an_error_entry() {
        let tmp = tempfile::tempdir().unwrap();
        let missing = tmp.path().join("nope");
        assert_eq!(
            discover(std::slice::from_ref(&missing)),
            vec![Found::Error {
                path: missing,
                error: WalkError::NotFound
            }]
        );
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loop_ends_and_real_paths_win() {
        use std::os::unix::fs::symlink;
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path();
        touch(&root.join("z/inner/cv.txt"));
        // a/loop -> the root itself; a/z-link -> z (sorts before z).
        fs::create_dir(root.join("a")).unwrap();
        symlink(root, root.join("a/loop")).unwrap();
        symlink(root.join("z"), root.join("a/z-link")).unwrap();
        symlink(root.join("gone"), root.join("broken")).unwrap();
        let found = discover(&[root.to_path_buf()]);
        assert_eq!(files(&found), vec![root.join("z/inner/cv.txt")]);
        assert!(found.contains(&Found::Error {
            path: root.join("broken"),
            error: WalkError::BrokenLink
        }));
    }

    #[cfg(unix)]
    #[test]
    fn linked_folder_outside_the_roots_is_walked() {
        use std::os::unix::fs::symlink;
        let tmp = tempfile::tempdir().unwrap();
        touch(&tmp.path().join("elsewhere/cv.txt"));
        fs::create_dir(tmp.path().join("inbox")).unwrap();
        symlink(
            tmp.path().join("elsewhere"),
            tmp.path().join("inbox/shared"),
        )
        .unwrap();
        let found = discover(&[tmp.path().join("inbox")]);
        assert_eq!(files(&found), vec![tmp.path().join("inbox/shared/cv.txt")]);
    }

    #[cfg(unix)]
    #[test]
    fn non_utf8_names_are_kept() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let tmp = tempfile::tempdir().unwrap();
        let name = OsStr::from_bytes(b"r\xe9sum\xe9.txt");
        let path = tmp.path().join(name);
        fs::write(&path, b"text").unwrap();
        let found = discover(&[tmp.path().to_path_buf()]);
        assert_eq!(files(&found), vec![path]);
    }

    #[cfg(unix)]
    #[test]
    fn unreadable_folder_is_an_error_entry() {
        use std::os::unix::fs::PermissionsExt;
        let tmp = tempfile::tempdir().unwrap();
        let locked = tmp.path().join("locked");
        touch(&locked.join("cv.txt"));
        touch(&tmp.path().join("open.txt"));
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o000)).unwrap();
        let found = discover(&[tmp.path().to_path_buf()]);
        fs::set_permissions(&locked, fs::Permissions::from_mode(0o755)).unwrap();
        if is_root() {
            // Root reads any folder: then the walk simply sees the file.
            assert!(files(&found).contains(&locked.join("cv.txt")));
        } else {
            assert!(found.contains(&Found::Error {
                path: locked,
                error: WalkError::PermissionDenied
            }));
        }
        assert!(files(&found).contains(&tmp.path().join("open.txt")));
    }

    #[cfg(unix)]
    fn is_root() -> bool {
        // SAFETY: geteuid has no preconditions and cannot fail.
        unsafe { libc::geteuid() == 0 }
    }

    #[cfg(unix)]
    #[test]
    fn a_pipe_is_reported_not_read() {
        let tmp = tempfile::tempdir().unwrap();
        let fifo = tmp.path().join("pipe");
        let c_path = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: c_path is a valid NUL-terminated path string.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
        let found = discover(&[tmp.path().to_path_buf()]);
        assert_eq!(
            found,
            vec![Found::Error {
                path: fifo,
                error: WalkError::NotAFile
            }]
        );
    }
}
