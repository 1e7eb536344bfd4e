using Talent.Feedback.Invitations;

namespace Talent.Feedback.Evaluations;

/// <summary>非常满意 … 非常不满意.</summary>
public enum EvaluationLevel
{
    VerySatisfied = 5,
    Satisfied = 4,
    BasicallySatisfied = 3,
    Dissatisfied = 2,
    VeryDissatisfied = 1,
}

/// <summary>
/// One evaluation of one decided service by its applicant (一事一评): a level, optional indicator scores (1-5), tags, a
/// comment and the channel; one follow-up addition. Dissatisfied or worse is a bad review (差评) that opens the
/// rectification loop.
/// </summary>
public sealed class Evaluation
{
    public const int CommentMaxLength = 500;
    public const int MaxTags = 10;
    public static readonly string[] Indicators = ["efficiency", "accuracy", "convenience", "attitude"];
    public static readonly string[] Channels = ["web", "mobile", "window", "phone"];

    public Guid Id { get; private set; } = Guid.CreateVersion7();

    /// <summary><see cref="EvaluationInvitation.Application"/> or <see cref="EvaluationInvitation.Engagement"/>.</summary>
    public string SubjectKind { get; private set; } = EvaluationInvitation.Application;

    /// <summary>The decided application or the closed engagement rated.</summary>
    public Guid SubjectId { get; private set; }

    /// <summary>The item's title, or the provider's name for an engagement.</summary>
    public string Title { get; private set; } = "";

    public string ApplicantId { get; private set; } = "";

    /// <summary>The item rated; for an engagement, the provider's team (commissioner, butler, broker).</summary>
    public string ItemCode { get; private set; } = "";

    /// <summary>The department that served (empty for an engagement).</summary>
    public string LeadDepartment { get; private set; } = "";

    public string? OwnerId { get; private set; }

    public EvaluationLevel Level { get; private set; }

    public Dictionary<string, int> Scores { get; private set; } = [];

    public List<string> Tags { get; private set; } = [];

    public string? Comment { get; private set; }

    public string Channel { get; private set; } = "web";

    public DateTimeOffset SubmittedAt { get; private set; }

    public string? Addition { get; private set; }

    public DateTimeOffset? AddedAt { get; private set; }

    /// <summary>Removed from the figures by an operator on a department's appeal (kept, with the decision, in the audit trail).</summary>
    public bool Removed { get; private set; }

    public bool IsNegative => Level <= EvaluationLevel.Dissatisfied;

    /// <summary>Basically satisfied or better counts as satisfied in the published figures (满意率).</summary>
    public bool IsSatisfied => Level >= EvaluationLevel.BasicallySatisfied;

    public void RemoveFromFigures() => Removed = true;

    private Evaluation()
    {
    }

    /// <summary>Field-named errors of an evaluation as submitted.</summary>
    public static Dictionary<string, string[]> Validate(EvaluationLevel? level, IReadOnlyDictionary<string, int>? scores, IReadOnlyList<string>? tags, string? comment, string? channel)
    {
        var errors = new Dictionary<string, string[]>();
        if (level is null || !Enum.IsDefined(level.Value))
        {
            errors["level"] = ["verySatisfied, satisfied, basicallySatisfied, dissatisfied or veryDissatisfied. 请选择评价等级。"];
        }

        foreach (var (indicator, score) in scores ?? new Dictionary<string, int>())
        {
            if (!Indicators.Contains(indicator))
            {
                errors[$"scores.{indicator}"] = [$"Indicators are {string.Join(", ", Indicators)}. 未知的评价指标。"];
            }
            else if (score is < 1 or > 5)
            {
                errors[$"scores.{indicator}"] = ["A score from 1 to 5. 分值为 1 至 5。"];
            }
        }

        if (tags is { Count: > MaxTags } || tags?.Any(t => string.IsNullOrWhiteSpace(t) || t.Length > 20) == true)
        {
            errors["tags"] = [$"At most {MaxTags} tags of 1 to 20 characters. 标签不超过 {MaxTags} 个、每个不超过 20 字。"];
        }

        if (comment is { Length: > CommentMaxLength })
        {
            errors["comment"] = [$"At most {CommentMaxLength} characters. 评价内容不超过 {CommentMaxLength} 字。"];
        }

        if (channel is not null && !Channels.Contains(channel))
        {
            errors["channel"] = [$"One of {string.Join(", ", Channels)}. 未知的评价渠道。"];
        }

        return errors;
    }

    /// <summary>Null when the invitation is closed (past its period): nothing is ever rated on anyone's behalf.</summary>
    public static Evaluation? Of(EvaluationInvitation invitation, EvaluationLevel level, IReadOnlyDictionary<string, int>? scores, IReadOnlyList<string>? tags, string? comment, string? channel, DateTimeOffset now) =>
        now > invitation.OpenUntil
            ? null
            : new Evaluation
            {
                SubjectKind = invitation.SubjectKind,
                SubjectId = invitation.SubjectId,
                Title = invitation.Title,
                ApplicantId = invitation.ApplicantId,
                ItemCode = invitation.ItemCode,
                LeadDepartment = invitation.LeadDepartment,
                OwnerId = invitation.OwnerId,
                Level = level,
                Scores = scores?.ToDictionary() ?? [],
                Tags = [.. (tags ?? []).Select(t => t.Trim()).Distinct()],
                Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(),
                Channel = channel ?? "web",
                SubmittedAt = now,
            };

    /// <summary>The one follow-up addition (追评); false when there is one already.</summary>
    public bool Add(string addition, DateTimeOffset now)
    {
        if (Addition is not null)
        {
            return false;
        }

        Addition = addition.Trim();
        AddedAt = now;
        return true;
    }
}
