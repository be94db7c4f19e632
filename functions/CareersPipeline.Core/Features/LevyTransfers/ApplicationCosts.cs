namespace CareersPipeline.Core.Features.LevyTransfers;

/// <summary>
/// The estimated cost of an application (funding band maximum x apprentices) and how it falls across financial
/// years: spread evenly over the months of the apprenticeship from its start month, to the penny.
/// </summary>
public static class ApplicationCosts
{
    public static decimal Total(decimal maxFunding, int apprentices) => maxFunding * apprentices;

    public static IReadOnlyList<YearCost> Projection(decimal total, int durationMonths, DateOnly startDate)
    {
        if (durationMonths <= 0)
        {
            return [new YearCost(FinancialYear.Label(startDate), total)];
        }

        var pence = decimal.Round(total * 100m);
        var monthly = decimal.Floor(pence / durationMonths);
        var byYear = new List<(string Year, decimal Pence)>();
        var month = new DateOnly(startDate.Year, startDate.Month, 1);
        for (var i = 0; i < durationMonths; i++, month = month.AddMonths(1))
        {
            // The last month takes the pennies that do not divide evenly, so the years always add up to the total.
            var amount = i == durationMonths - 1 ? pence - (monthly * (durationMonths - 1)) : monthly;
            var year = FinancialYear.Label(month);
            if (byYear.Count > 0 && byYear[^1].Year == year)
            {
                byYear[^1] = (year, byYear[^1].Pence + amount);
            }
            else
            {
                byYear.Add((year, amount));
            }
        }

        return byYear.Select(y => new YearCost(y.Year, y.Pence / 100m)).ToList();
    }
}

/// <summary>UK financial years, 1 April to 31 March, as the levy counts them.</summary>
public static class FinancialYear
{
    public static int StartYear(DateOnly date) => date.Month >= 4 ? date.Year : date.Year - 1;

    public static DateOnly End(DateOnly date) => new(StartYear(date) + 1, 3, 31);

    public static string Label(DateOnly date)
    {
        var start = StartYear(date);
        return $"{start}/{(start + 1) % 100:D2}";
    }
}
