using System.Net;
using MultiLabel.Inference;

namespace MultiLabel.Tests.Endpoints;

[Collection(ServedModelCollection.Name)]
public sealed class PredictEndpointTests(ServedModel served)
{
    [Fact]
    public async Task RawImageBodyGetsEveryLabelsScoreAndTheLabelsOverTheirThresholds()
    {
        var image = TestModel.SampleImages(1)[0];

        using var response = await served.Client.PostAsync("/v1/predict", Requests.Raw(image));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var scores = Assert.Single(await response.ScoresAsync());
        var labels = Assert.Single(await response.LabelsAsync());
        Assert.Equal(TestModel.Labels, scores.Keys);
        Assert.All(scores.Values, s => Assert.InRange(s, 0f, 1f));
        var expected = TestModel.Labels.Select((l, i) => (l, i)).Where(x => scores[x.l] >= TestModel.Threshold(x.i))
            .OrderByDescending(x => scores[x.l]).Select(x => x.l);
        Assert.Equal(expected, labels);
    }

    [Fact]
    public async Task SeveralImagesAreAnsweredInRequestOrderAsTheOfflinePredictorDoes()
    {
        var images = TestModel.SampleImages(4);

        using var response = await served.Client.PostAsync("/v1/predict", Requests.Form(images));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answers = await response.ScoresAsync();
        var offline = served.Offline.PredictFiles(images);
        Assert.Equal(images.Length, answers.Length);
        for (int i = 0; i < images.Length; i++)
            foreach (var label in TestModel.Labels)
                Assert.Equal(offline[i].Scores[label], answers[i][label], 4);
        Assert.NotEqual(answers[0]["black"], answers[1]["black"]); // distinct images, distinct answers: the order is checked
    }

    [Fact]
    public async Task ThresholdAndTopKQueryParametersDecideAsPredictOptionsDo()
    {
        var image = TestModel.SampleImages(2)[1];

        using var all = await served.Client.PostAsync("/v1/predict?threshold=0&top_k=2", Requests.Raw(image));
        using var none = await served.Client.PostAsync("/v1/predict?threshold=1", Requests.Raw(image));

        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        var scores = Assert.Single(await all.ScoresAsync());
        var top = scores.OrderByDescending(s => s.Value).Take(2).Select(s => s.Key);
        Assert.Equal(top, Assert.Single(await all.LabelsAsync()));
        var expected = served.Offline.Decide("x", scores.Values.ToArray(), new PredictOptions { Threshold = 1 });
        Assert.Equal(expected.Labels, Assert.Single(await none.LabelsAsync()));
    }

    [Theory]
    [InlineData("threshold=1.5", "threshold must be a number from 0 to 1")]
    [InlineData("threshold=abc", "threshold must be a number from 0 to 1")]
    [InlineData("top_k=0", "top_k must be a whole number of at least 1")]
    public async Task AnOptionOutOfRangeIsA400NamingIt(string query, string message)
    {
        using var response = await served.Client.PostAsync("/v1/predict?" + query, Requests.Raw(TestModel.SampleImages(1)[0]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(message, await response.ErrorAsync());
    }

    [Fact]
    public async Task ImagesAreRecognisedByContentNotByContentType()
    {
        // curl --data-binary sends application/x-www-form-urlencoded unless told otherwise.
        using var response = await served.Client.PostAsync("/v1/predict",
            Requests.Raw(TestModel.SampleImages(1)[0], "application/x-www-form-urlencoded"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
