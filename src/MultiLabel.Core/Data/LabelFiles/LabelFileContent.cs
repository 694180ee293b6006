namespace MultiLabel.Data.LabelFiles;

/// <summary>What a label file lists: its entries, the entries that could not be read, and notes on how it was read.</summary>
/// <param name="Format">The format it was read as.</param>
/// <param name="Entries">The readable entries, in file order.</param>
/// <param name="Problems">Entries that could not be read, each with its reason.</param>
/// <param name="Notes">How the file was read where a user may want to know (e.g. how −1 was read), one sentence each.</param>
public sealed record LabelFileContent(LabelFileFormat Format, IReadOnlyList<LabelEntry> Entries, IReadOnlyList<SkippedFile> Problems, IReadOnlyList<string> Notes);
