using MultiLabel.Files;

namespace MultiLabel.Data;

/// <summary>A file found by <see cref="FolderWalk"/>: the path it was reached by, its identity, and whether a link led to it.</summary>
/// <param name="Path">The full path as reached (through links, when <paramref name="ThroughLink"/>).</param>
/// <param name="Identity">Which file it is, to tell one file reached by two paths.</param>
/// <param name="ThroughLink">True when a symbolic link on the way led to it.</param>
public sealed record WalkedFile(string Path, FileIdentity Identity, bool ThroughLink);

/// <summary>What a folder walk found: files in a stable order (real locations first, then those reached through links), and every entry left out with its reason.</summary>
public sealed record FolderWalkResult(IReadOnlyList<WalkedFile> Files, IReadOnlyList<SkippedFile> Skipped);
