using System.Text.Json;
using CareersPipeline.Core;
using CareersPipeline.Core.People;

namespace CareersPipeline.Web.Content;

/// <summary>The career families and a few of their roles, from Content/careers.json (embedded). Written in English.</summary>
public sealed record CareerContent(IReadOnlyDictionary<CareerFamily, CareerFamilyContent> Families)
{
    public static CareerContent Load()
    {
        using var stream = typeof(CareerContent).Assembly.GetManifestResourceStream("Content.careers.json")
            ?? throw new InvalidOperationException("Content/careers.json is not embedded.");
        var families = JsonSerializer.Deserialize<Dictionary<CareerFamily, CareerFamilyContent>>(stream, JsonDefaults.Options)
            ?? throw new InvalidOperationException("Content/careers.json is empty.");
        return new CareerContent(families);
    }

    public CareerFamilyContent this[CareerFamily family] =>
        Families.TryGetValue(family, out var content) ? content : throw new KeyNotFoundException($"Content/careers.json has no {family}.");
}

public sealed record CareerFamilyContent(string Title, string Summary, IReadOnlyList<CareerRole> Roles);

/// <summary>One role: what the job is, ways in, the Agenda for Change pay band (or who sets pay), apprenticeship levels.</summary>
public sealed record CareerRole(string Name, string What, IReadOnlyList<string> Entry, string PayBand, string Apprenticeships);
