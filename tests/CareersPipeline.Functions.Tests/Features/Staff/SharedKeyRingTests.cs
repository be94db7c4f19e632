using System.Net;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Staff;

/// <summary>
/// Two instances of the app sharing one storage account, as Azure runs them when it scales out: a person signs in on one
/// and their next request lands on the other. The key ring in blob storage makes the cookie and the form's token good on both.
/// </summary>
[Collection(AzuriteGroup.Name)]
public sealed class SharedKeyRingTests(AzuriteFixture storage) : IAsyncLifetime
{
    private TestApp _first = null!;
    private TestApp _second = null!;

    public async Task InitializeAsync()
    {
        _first = await TestApp.StartAsync(storage);
        _second = await TestApp.StartAsync(storage);
        await _first.SeedStaffAsync();
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
    }

    [Fact]
    public async Task AFormRenderedByOneInstance_IsAcceptedByAnother_WithTheSameSession()
    {
        // Cookies are per host, not per port: one browser, two instances on the same loopback address.
        var cookies = new CookieContainer();
        using var first = Client(_first, cookies);
        using var second = Client(_second, cookies);
        var signIn = StaffBrowserSession.TokenOf(await first.GetStringAsync("/dev/sign-in"));
        using (var signedIn = await first.PostAsync("/dev/sign-in", Form(signIn, ("subjectId", "employer-uhnm"))))
        {
            Assert.Equal(HttpStatusCode.SeeOther, signedIn.StatusCode);
        }

        var token = StaffBrowserSession.TokenOf(await first.GetStringAsync("/staff/opportunities"));

        using var onTheOther = await second.PostAsync("/staff/opportunities/new", Form(token));

        Assert.Equal(HttpStatusCode.SeeOther, onTheOther.StatusCode);
        Assert.StartsWith("/staff/opportunities/forms/", onTheOther.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var keys = storage.Blobs.GetBlobContainerClient(StorageNames.Containers.DataProtection).GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = "keys/" });
        var names = new List<string>();
        await foreach (var key in keys)
        {
            names.Add(key.Name);
        }

        // Both instances read their keys from the container (not a folder of their own): the same keys, and only those.
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.Matches("^keys/key-[0-9a-f-]{36}\\.xml$", n));
        foreach (var app in new[] { _first, _second })
        {
            var ring = app.Services.GetRequiredService<IKeyManager>().GetAllKeys().Select(k => $"keys/key-{k.KeyId:D}.xml").Order(StringComparer.Ordinal);
            Assert.Equal(names.Order(StringComparer.Ordinal), ring);
        }
    }

    [Fact]
    public async Task TheKeyContainer_IsPrivate()
    {
        var container = storage.Blobs.GetBlobContainerClient(StorageNames.Containers.DataProtection);
        await container.CreateIfNotExistsAsync();

        var access = await container.GetAccessPolicyAsync();

        Assert.Equal(Azure.Storage.Blobs.Models.PublicAccessType.None, access.Value.BlobPublicAccess);
    }

    private static HttpClient Client(TestApp app, CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(app.BaseUrl) };

    private static FormUrlEncodedContent Form(string token, params (string Name, string Value)[] fields) =>
        new([new("__RequestVerificationToken", token), .. fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))]);
}
