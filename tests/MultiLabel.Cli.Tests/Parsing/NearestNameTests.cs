using MultiLabel.Cli.Parsing;

namespace MultiLabel.Cli.Tests.Parsing;

public class NearestNameTests
{
    private static readonly string[] Options = ["data", "out", "model", "epochs", "top-k", "threads", "threshold", "cache-dir", "no-cache", "json"];

    [Theory]
    [InlineData("epoch", "epochs")]        // a letter missing
    [InlineData("modle", "model")]         // two letters swapped
    [InlineData("epochz", "epochs")]       // a letter wrong
    [InlineData("JSON", "json")]           // another case
    [InlineData("top", "top-k")]           // the start of a longer name
    [InlineData("out-dir", "out")]         // a longer name that starts with a known one
    [InlineData("thread", "threads")]
    [InlineData("thre", "threads", "threshold")]  // ties are all given
    public void Finds_what_was_meant(string typed, params string[] expected)
    {
        Assert.Equal(expected, NearestName.Among(typed, Options));
    }

    [Theory]
    [InlineData("port")]
    [InlineData("x")]
    [InlineData("learning-rate")]
    [InlineData("jsn2")]
    public void Suggests_nothing_when_nothing_is_close(string typed)
    {
        Assert.Empty(NearestName.Among(typed, Options));
    }

    [Fact]
    public void A_short_word_is_not_taken_for_one_that_starts_differently()
    {
        Assert.Empty(NearestName.Among("gpu", ["auto", "cpu", "cuda"]));
        Assert.Equal(["onnx"], NearestName.Among("onx", ["auto", "torch", "onnx"]));
    }
}
