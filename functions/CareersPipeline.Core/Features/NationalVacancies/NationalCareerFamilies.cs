using System.Text.RegularExpressions;
using CareersPipeline.Core.People;

namespace CareersPipeline.Core.Features.NationalVacancies;

/// <summary>
/// Infers the NHS career family of a national apprenticeship. The vacancy title and the apprenticeship standard's
/// title are matched against the keyword rules below, first match wins (specific professions before broad ones, so
/// "Dental nurse" is Dental and "Software engineer" is Health informatics); failing that, the standard's IfATE route
/// decides; failing that, Wider healthcare team. The table is documented in docs/national-vacancies.md.
/// </summary>
public static class NationalCareerFamilies
{
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    /// <summary>Keyword rules, in order.</summary>
    public static IReadOnlyList<(Regex Pattern, CareerFamily Family)> Rules { get; } =
    [
        (new(@"midwi|maternity", Options), CareerFamily.Midwifery),
        (new(@"paramedic|ambulance|emergency (care|medical|service)", Options), CareerFamily.AmbulanceService),
        (new(@"dental|dentist|orthodont", Options), CareerFamily.Dental),
        (new(@"\bnurs(e|es|ing)\b", Options), CareerFamily.Nursing),
        (new(@"pharmac", Options), CareerFamily.Pharmacy),
        (new(@"physician associate|anaesthesia associate|surgical first assistant|surgical care practitioner", Options), CareerFamily.MedicalAssociateProfessions),
        (new(@"\bdoctors?\b|medical doctor", Options), CareerFamily.Doctors),
        (new(@"physiotherap|occupational therap|radiograph|podiatr|speech and language|dietit|operating department|orthopti|prosthet|orthotist|osteopath|(art|music|drama) therap", Options), CareerFamily.AlliedHealthProfessions),
        (new(@"psycholog|psychotherap|wellbeing practitioner|cognitive behavio|counsell", Options), CareerFamily.PsychologicalTherapies),
        (new(@"healthcare science|clinical scien|biomedical|laborator|patholog|audiolog|physiolog|clinical engineer|medical engineer|decontamination|sterile services", Options), CareerFamily.HealthcareScience),
        (new(@"public health|health improvement|health promotion", Options), CareerFamily.PublicHealth),
        (new(@"adult care|social work|social care|\bcare worker|residential care|domiciliary|children, young people|youth work", Options), CareerFamily.SocialCare),
        (new(@"digital|\bdata\b|software|informatics|cyber|network|information technology|\bit (support|technician)|\bict\b|clinical coding|health records|medical records", Options), CareerFamily.HealthInformatics),
        (new(@"estates|facilities|maintenance|electric|plumb|engineer|catering|\bchef\b|\bcook|hospitality|housekeep|porter|clean(ing|er)|mechanic|hvac|carpent|joiner|building services|construction|gardener|grounds", Options), CareerFamily.EstatesAndFacilities),
    ];

    /// <summary>IfATE routes that say something about the career family on their own; every other route is Wider healthcare team.</summary>
    public static IReadOnlyDictionary<string, CareerFamily> Routes { get; } = new Dictionary<string, CareerFamily>(StringComparer.OrdinalIgnoreCase)
    {
        ["Care services"] = CareerFamily.SocialCare,
        ["Digital"] = CareerFamily.HealthInformatics,
        ["Construction and the built environment"] = CareerFamily.EstatesAndFacilities,
        ["Engineering and manufacturing"] = CareerFamily.EstatesAndFacilities,
        ["Catering and hospitality"] = CareerFamily.EstatesAndFacilities,
    };

    public static CareerFamily Infer(string? title, string? standardTitle, string? route)
    {
        foreach (var text in new[] { title, standardTitle })
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            foreach (var (pattern, family) in Rules)
            {
                if (pattern.IsMatch(text))
                {
                    return family;
                }
            }
        }

        return route is not null && Routes.TryGetValue(route.Trim(), out var byRoute) ? byRoute : CareerFamily.WiderHealthcareTeam;
    }
}
