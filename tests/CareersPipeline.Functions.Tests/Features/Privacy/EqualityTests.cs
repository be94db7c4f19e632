using System.Net;
using System.Text.Json;
using Azure.Data.Tables;
using CareersPipeline.Core.Features.Privacy;
using CareersPipeline.Core.People;
using CareersPipeline.Core.Storage;
using CareersPipeline.Functions.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareersPipeline.Functions.Tests.Features.Privacy;

/// <summary>Equality monitoring: optional, apart from identity, only ever seen aggregated with small numbers suppressed.</summary>
[Collection(PrivacyStorageGroup.Name)]
public sealed class EqualityTests(AzuriteFixture storage)
{
    [Fact]
    public async Task Answers_AreStoredApartFromIdentity()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var person = TestPerson.Unique();
        var (id, _) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Website, person);
        var applicant = (await app.FindApplicantAsync(id))!;

        using var response = await app.PostJsonAsync(await PrivacyKit.EqualityPathAsync(app, id), new { ethnicity = "WhiteIrish", disability = "PreferNotToSay", religion = "Sikh", ageBand = "From25To34" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = await storage.Tables.GetTableClient(StorageNames.Tables.Equality).QueryAsync<TableEntity>().ToListAsync();
        var row = Assert.Single(rows, r => r.GetString("Religion") == "Sikh" && r.GetString("Ethnicity") == "WhiteIrish");
        var everything = string.Join("|", row.Select(p => p.Key + "=" + p.Value));
        foreach (var identifying in person.Identifiers.Append(id).Append(applicant.PersonKey).Append(person.DateOfBirth))
        {
            Assert.DoesNotContain(identifying, everything, StringComparison.OrdinalIgnoreCase);
        }

        Assert.Null(row.GetString("Sex")); // not answered
        Assert.Matches("^[0-9a-f]{32}$", row.RowKey);
        Assert.Equal(app.Time.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), row.GetString("SubmittedMonth"));

        // The person's choice is on record, so it can be withdrawn.
        var consent = await app.Services.GetRequiredService<ConsentLedger>().CurrentAsync(applicant.PersonKey, ConsentPurpose.EqualityMonitoring, CancellationToken.None);
        Assert.True(consent!.Granted);

        // Answering again replaces the answers: one row per person.
        using var again = await app.PostJsonAsync(await PrivacyKit.EqualityPathAsync(app, id), new { religion = "NoReligion" });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(rows.Count, await storage.Tables.GetTableClient(StorageNames.Tables.Equality).QueryAsync<TableEntity>().CountAsync());
    }

    [Fact]
    public async Task TheForm_WorksFromABrowser()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var (id, confirmation) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Event, TestPerson.Unique());

        // The manage page offers the form to adults.
        using var manage = await PrivacyKit.GetHtmlAsync(app, PrivacyKit.ManageLink(confirmation));
        Assert.Contains($"/api/signups/{id}/equality?token=", await manage.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var path = await PrivacyKit.EqualityPathAsync(app, id);
        using var form = await app.Http.GetAsync(path);
        Assert.Equal("text/html", form.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Prefer Not To Say", await form.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["ethnicity"] = "Arab", ["sex"] = "", ["ageBand"] = "From45To54" });
        using var post = await app.Http.PostAsync(path, content);
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);
    }

    [Fact]
    public async Task BadAnswersAndBadLinks_AreProblems()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var (id, _) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Website, TestPerson.Unique());
        var (other, _) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Website, TestPerson.Unique());

        using var invalid = await app.PostJsonAsync(await PrivacyKit.EqualityPathAsync(app, id), new { ethnicity = "Martian", religion = "Jedi" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await SignUpBodies.ReadJsonAsync(invalid)).GetProperty("errors");
        Assert.True(errors.TryGetProperty("ethnicity", out _));
        Assert.True(errors.TryGetProperty("religion", out _));

        // A link for one applicant does not work for another.
        using var wrongPerson = await app.PostJsonAsync((await PrivacyKit.EqualityPathAsync(app, other)).Replace(other, id, StringComparison.Ordinal), new { sex = "Female" });
        await PrivacyKit.AssertProblemAsync(wrongPerson, HttpStatusCode.BadRequest);

        var path = await PrivacyKit.EqualityPathAsync(app, id);
        app.Time.Offset = PrivacyLinks.EqualityLinkLifetime + TimeSpan.FromHours(1);
        using var expired = await app.PostJsonAsync(path, new { sex = "Female" });
        await PrivacyKit.AssertProblemAsync(expired, HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Under16s_AreNotAsked()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var id = await PrivacyKit.SignUpAsync(app, Door.School, TestPerson.Unique(PrivacyKit.Under16DateOfBirth(app)), guardianEmail: SignUpBodies.UniqueEmail("guardian"));

        using var response = await app.PostJsonAsync(await PrivacyKit.EqualityPathAsync(app, id), new { sex = "Female" });

        await PrivacyKit.AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Summary_IsAggregatedWithSmallNumbersSuppressed_AndOnlyForAdmins()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        await ClearEqualityAsync();
        for (var i = 0; i < 8; i++)
        {
            var (id, _) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Website, TestPerson.Unique());
            using var response = await app.PostJsonAsync(await PrivacyKit.EqualityPathAsync(app, id), i < 6
                ? new { ethnicity = "WhiteBritish", disability = "No" }
                : new { ethnicity = "AsianIndian", disability = "Yes" });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        using var summary = await PrivacyKit.StaffAsync(app, HttpMethod.Get, "/api/manage/equality/summary");
        var questions = (await PrivacyKit.JsonAsync(summary)).GetProperty("questions").EnumerateArray().ToDictionary(q => q.GetProperty("question").GetString()!);

        var ethnicity = Counts(questions["ethnicity"]);
        Assert.Equal("8", questions["ethnicity"].GetProperty("total").GetString());
        Assert.Equal("<5", ethnicity["AsianIndian"]);
        Assert.Equal("*", ethnicity["WhiteBritish"]); // 8 - 6 would otherwise give the 2 away
        Assert.Equal("0", ethnicity["BlackAfrican"]);
        Assert.Equal("0", ethnicity["NotAnswered"]);
        var religion = Counts(questions["religion"]);
        Assert.Equal("8", religion["NotAnswered"]);
        Assert.DoesNotContain(questions.Values.SelectMany(q => Counts(q).Values), c => c is "1" or "2" or "3" or "4");

        using var adviser = await PrivacyKit.StaffAsync(app, HttpMethod.Get, "/api/manage/equality/summary", PrivacyKit.Adviser);
        await PrivacyKit.AssertProblemAsync(adviser, HttpStatusCode.Forbidden);
        using var anonymous = await app.Http.GetAsync("/api/manage/equality/summary");
        await PrivacyKit.AssertProblemAsync(anonymous, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Withdrawing_DeletesTheAnswers()
    {
        await using var app = await PrivacyKit.StartAsync(storage);
        var (id, confirmation) = await PrivacyKit.SignUpConfirmedAsync(app, Door.Website, TestPerson.Unique());
        using (await app.PostJsonAsync(await PrivacyKit.EqualityPathAsync(app, id), new { religion = "Buddhist", sex = "Male" }))
        {
        }

        var store = app.Services.GetRequiredService<EqualityStore>();
        var personKey = (await app.FindApplicantAsync(id))!.PersonKey;
        Assert.True(await store.ExistsAsync(personKey, CancellationToken.None));

        using var withdraw = await app.Http.PostAsync(PrivacyKit.ManageLink(confirmation).Replace("/privacy/manage", "/privacy/consents/EqualityMonitoring/withdraw", StringComparison.Ordinal), null);

        Assert.Equal("Withdrawn", (await PrivacyKit.JsonAsync(withdraw)).GetProperty("outcome").GetString());
        Assert.False(await store.ExistsAsync(personKey, CancellationToken.None));
    }


    private static Dictionary<string, string> Counts(JsonElement question) =>
        question.GetProperty("categories").EnumerateArray().ToDictionary(c => c.GetProperty("category").GetString()!, c => c.GetProperty("count").GetString()!);

    private async Task ClearEqualityAsync()
    {
        var table = storage.Tables.GetTableClient(StorageNames.Tables.Equality);
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            await table.DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }
    }
}
