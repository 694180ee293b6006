using MultiLabel.Data;

namespace MultiLabel.Tests.Data;

public class FileShardTests
{
    [Fact]
    public void The_parts_of_a_list_cover_every_file_exactly_once_whatever_its_order()
    {
        var files = Enumerable.Range(0, 5000).Select(i => $"photos/{i % 37}/image_{i}.jpg").ToArray();
        var parts = Enumerable.Range(0, 7).Select(i => new FileShard(i, 7)).ToArray();

        var counts = files.Select(f => parts.Count(p => p.Contains(f))).ToArray();
        var reversed = files.Reverse().Where(parts[3].Contains).Order().ToArray();

        Assert.All(counts, c => Assert.Equal(1, c));
        Assert.Equal(files.Where(parts[3].Contains).Order(), reversed);
        Assert.All(parts, p => Assert.InRange(files.Count(p.Contains), 5000 / 7 * 0.85, 5000 / 7 * 1.15));
    }

    [Theory]
    [InlineData("0/1", 0, 1)]
    [InlineData("3/4", 3, 4)]
    [InlineData(" 2 / 10 ", 2, 10)]
    public void Reads_part_and_count(string text, int index, int count)
    {
        Assert.True(FileShard.TryParse(text, out var shard));
        Assert.Equal(new FileShard(index, count), shard);
    }

    [Theory]
    [InlineData("4/4")]
    [InlineData("-1/4")]
    [InlineData("1/0")]
    [InlineData("1")]
    [InlineData("a/b")]
    public void Refuses_what_is_not_a_part(string text) => Assert.False(FileShard.TryParse(text, out _));
}
