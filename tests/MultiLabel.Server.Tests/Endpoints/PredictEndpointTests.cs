using System.Net;
using MultiLabel.Data;
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

    [Fact]
    public async Task Explain_adds_each_predicted_labels_heat_map_over_the_image_as_a_png_data_url()
    {
        var images = TestModel.SampleImages(3);

        using var response = await served.Client.PostAsync("/v1/predict?explain=true&threshold=0.3", Requests.Form(images));
        using var plain = await served.Client.PostAsync("/v1/predict?threshold=0.3", Requests.Form(images));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var predictions = (await response.JsonAsync()).GetProperty("predictions").EnumerateArray().ToArray();
        Assert.Contains(predictions, p => p.GetProperty("labels").GetArrayLength() > 0);
        for (int i = 0; i < images.Length; i++)
        {
            var labels = predictions[i].GetProperty("labels").EnumerateArray().Select(l => l.GetString()!).ToArray();
            var explanations = predictions[i].GetProperty("explanations");
            Assert.Equal(labels, explanations.EnumerateObject().Select(e => e.Name));
            using var original = ImageDecoder.DecodeOriented(File.ReadAllBytes(images[i]));
            foreach (var explanation in explanations.EnumerateObject())
            {
                string url = explanation.Value.GetProperty("image").GetString()!;
                Assert.StartsWith("data:image/png;base64,", url);
                using var overlay = ImageDecoder.DecodeOriented(Convert.FromBase64String(url["data:image/png;base64,".Length..]));
                Assert.Equal((original.Width, original.Height), (overlay.Width, overlay.Height)); // the samples are under 512 px
                Assert.All(explanation.Value.GetProperty("center").EnumerateArray(), c => Assert.InRange(c.GetDouble(), 0, 1));
            }
        }
        Assert.All((await plain.JsonAsync()).GetProperty("predictions").EnumerateArray(), p => Assert.False(p.TryGetProperty("explanations", out _)));
    }

    [Theory]
    [InlineData("explain=maybe", "explain must be true or false")]
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
