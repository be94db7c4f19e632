using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using CareersPipeline.Core.Features.Matching;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Types;
using WireMock.Util;

namespace CareersPipeline.Functions.Tests.Features.Matching;

/// <summary>
/// A local postcodes.io that places the postcodes a test registers, in postcodes.io's bulk shape, and says
/// "not found" for any other.
/// </summary>
public sealed class FakePostcodesIo : IDisposable
{
    private readonly ConcurrentDictionary<string, GeoPoint> _places = new(StringComparer.Ordinal);
    private readonly WireMockServer _server = WireMockServer.Start();

    public FakePostcodesIo() =>
        _server.Given(Request.Create().WithPath("/postcodes").UsingPost()).RespondWith(Response.Create().WithCallback(Respond));

    public string Url => _server.Url!;

    /// <summary>While false, every lookup answers 503, as postcodes.io does in an outage.</summary>
    public bool Available { get; set; } = true;

    public void Add(string postcode, GeoPoint place) => _places[postcode] = place;

    public void Dispose() => _server.Stop();

    private ResponseMessage Respond(IRequestMessage request)
    {
        if (!Available)
        {
            return new ResponseMessage { StatusCode = 503 };
        }

        var asked = JsonNode.Parse(request.Body ?? "{}")?["postcodes"]?.AsArray().Select(p => p!.GetValue<string>()) ?? [];
        var result = new JsonArray([.. asked.Select(postcode => (JsonNode)new JsonObject
        {
            ["query"] = postcode,
            ["result"] = _places.TryGetValue(postcode, out var place)
                ? new JsonObject
                {
                    ["postcode"] = postcode,
                    ["latitude"] = place.Latitude,
                    ["longitude"] = place.Longitude,
                    ["region"] = "Test region",
                    ["admin_district"] = "Test district",
                    ["codes"] = new JsonObject { ["icb"] = "E54000010" },
                }
                : null,
        })]);
        return new ResponseMessage
        {
            StatusCode = 200,
            Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
            BodyData = new BodyData
            {
                BodyAsString = new JsonObject { ["status"] = 200, ["result"] = result }.ToJsonString(),
                DetectedBodyType = BodyType.String,
            },
        };
    }
}
