namespace Talent.Feedback.Figures;

/// <summary>
/// One counter row of the published figures: a month and a scope ("all"; "department" with the department's code;
/// "item" with <c>{department}|{item}</c>). Only <see cref="FigureFolder"/> writes them.
/// </summary>
public sealed class FigureCounter
{
    public DateOnly Month { get; set; }

    public string Scope { get; set; } = "";

    public string Key { get; set; } = "";

    public int Reviews { get; set; }

    public int Satisfied { get; set; }

    public int Negative { get; set; }

    public long ScoreSum { get; set; }

    public int RectificationsClosed { get; set; }

    public int RectificationsOnTime { get; set; }
}
