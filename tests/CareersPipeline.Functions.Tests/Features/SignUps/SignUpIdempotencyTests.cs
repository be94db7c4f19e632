using System.Net;
using Azure.Data.Tables;
using CareersPipeline.Core.Email;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;

namespace CareersPipeline.Functions.Tests.Features.SignUps;

/// <summary>A repeated submission (double click, client retry) returns the same applicant and never a duplicate.</summary>
[Collection(AzuriteGroup.Name)]
public sealed class SignUpIdempotencyTests(AzuriteFixture storage)
{
    [Fact]
    public async Task SameSubmissionTwice_ReturnsTheSameApplicant()
    {
        await using var app = await TestApp.StartAsync(storage);
        var body = SignUpBodies.Valid(Door.Website);

        using var first = await app.PostJsonAsync(SignUpBodies.Path(Door.Website), body);
        using var second = await app.PostJsonAsync(SignUpBodies.Path(Door.Website), body);

        var a = await SignUpBodies.ReadJsonAsync(first);
        var b = await SignUpBodies.ReadJsonAsync(second);
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        Assert.Equal(a.GetProperty("applicantId").GetString(), b.GetProperty("applicantId").GetString());
        Assert.Equal(a.ToString(), b.ToString()); // nothing in the answer says it was a repeat
    }

    [Fact]
    public async Task ParallelRetries_StoreOneApplicantAndSendOneEmail()
    {
        await using var app = await TestApp.StartAsync(storage);
        var email = SignUpBodies.UniqueEmail("parallel");
        var body = SignUpBodies.Valid(Door.Website, email);

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => app.PostJsonAsync(SignUpBodies.Path(Door.Website), body)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Accepted, r.StatusCode));
        var ids = new HashSet<string>();
        foreach (var response in responses)
        {
            ids.Add((await SignUpBodies.ReadJsonAsync(response)).GetProperty("applicantId").GetString()!);
            response.Dispose();
        }

        var id = Assert.Single(ids);
        var table = storage.Tables.GetTableClient(StorageNames.Tables.Applicants);
        var rows = await table.QueryAsync<TableEntity>(e => e.GetString("Email") == email).ToListAsync();
        Assert.Single(rows);

        await app.WaitForEmailAsync(id, EmailKind.Confirmation);
        await Task.Delay(1000); // any duplicate messages have been handled by now
        Assert.Single(await app.OutboxForAsync(id));
    }

    [Fact]
    public async Task SamePersonThroughAnotherDoor_IsASeparateSignUp_JoinedToThePersonOnlyOnceVerified()
    {
        await using var app = await TestApp.StartAsync(storage);
        await app.SeedReferenceDataAsync();
        var email = SignUpBodies.UniqueEmail("two-doors");

        using var website = await app.PostJsonAsync(SignUpBodies.Path(Door.Website), SignUpBodies.Valid(Door.Website, email));
        using var atEvent = await app.PostJsonAsync(SignUpBodies.Path(Door.Event), SignUpBodies.Valid(Door.Event, email));

        var websiteId = (await SignUpBodies.ReadJsonAsync(website)).GetProperty("applicantId").GetString();
        var eventId = (await SignUpBodies.ReadJsonAsync(atEvent)).GetProperty("applicantId").GetString();
        Assert.NotEqual(websiteId, eventId);
        Assert.NotEqual((await app.FindApplicantAsync(websiteId!))!.PersonKey, (await app.FindApplicantAsync(eventId!))!.PersonKey);

        foreach (var id in new[] { websiteId!, eventId! })
        {
            await app.WaitForApplicantAsync(id, a => a.Status == nameof(ApplicantStatus.Active), "processing");
            await app.VerifyEmailAsync(id);
        }

        var joined = (await app.FindApplicantAsync(websiteId!))!.PersonKey;
        Assert.StartsWith("p", joined, StringComparison.Ordinal);
        Assert.Equal(joined, (await app.FindApplicantAsync(eventId!))!.PersonKey);
    }
}
