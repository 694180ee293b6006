using MultiLabel.Files;

namespace MultiLabel.Tests.Files;

public class AtomicFileTests
{
    [Fact]
    public void A_failed_write_keeps_the_old_file_and_leaves_no_temporary_behind()
    {
        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("model.mlpkg");
        AtomicFile.WriteText(path, "old");

        Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write("half of the new"u8);
            throw new IOException("disk full");
        }));

        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal([path], Directory.GetFiles(folder.Path));
    }

    [Fact]
    public void Creates_the_folder_and_replaces_the_content()
    {
        using var folder = TestData.NewTempFolder();
        string path = folder.Combine("a", "b", "summary.json");

        AtomicFile.WriteText(path, "one");
        AtomicFile.WriteText(path, "two");

        Assert.Equal("two", File.ReadAllText(path));
    }
}
