namespace MultiLabel.Data.Caching;

/// <summary>One file in a cache shard: its key, and the slot of its pixels or the reason it could not be decoded.</summary>
/// <param name="Key">The file as it was when decoded.</param>
/// <param name="Slot">Where its pixels are in the shard, or −1 when it failed.</param>
/// <param name="Error">Why it could not be decoded, when <paramref name="Slot"/> is −1.</param>
internal sealed record ShardEntry(FileKey Key, int Slot, string? Error);
