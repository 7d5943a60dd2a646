namespace Chucheon.Evaluation;

/// <summary>Buffers for one batch of users, allocated once per evaluation and reused: the batch's score rows and, per
/// row, its reduced top list and metric values. Rows are disjoint slices, so parallel rows never share memory.</summary>
internal sealed class BatchWorkspace
{
    private readonly int _itemCount;
    private readonly int _maxK;
    private readonly int _views;
    private readonly int _valuesPerView;
    private readonly float[] _scores;
    private readonly int[] _topItems;
    private readonly float[] _topScores;
    private readonly int[] _topCounts;
    private readonly bool[] _hits;
    private readonly double[] _values;
    private readonly int[] _relevantCounts;

    public BatchWorkspace(int rows, int itemCount, int maxK, int views, int valuesPerView)
    {
        _itemCount = itemCount;
        _maxK = maxK;
        _views = views;
        _valuesPerView = valuesPerView;
        _scores = new float[(long)rows * itemCount];
        _topItems = new int[rows * maxK];
        _topScores = new float[rows * maxK];
        _topCounts = new int[rows];
        _hits = new bool[rows * views * maxK];
        _values = new double[rows * views * valuesPerView];
        _relevantCounts = new int[rows * views];
    }

    /// <summary>The first <paramref name="rows"/> score rows, as one block for the scorer.</summary>
    public Span<float> ScoreBlock(int rows) => _scores.AsSpan(0, rows * _itemCount);

    public Span<float> ScoreRow(int row) => _scores.AsSpan(row * _itemCount, _itemCount);

    /// <summary>Room for a row's top list (max K long); <see cref="SetTopCount"/> records how much of it is used.</summary>
    public Span<int> TopItemsBuffer(int row) => _topItems.AsSpan(row * _maxK, _maxK);

    public Span<float> TopScoresBuffer(int row) => _topScores.AsSpan(row * _maxK, _maxK);

    public void SetTopCount(int row, int count) => _topCounts[row] = count;

    public ReadOnlySpan<int> TopItems(int row) => _topItems.AsSpan(row * _maxK, _topCounts[row]);

    public ReadOnlySpan<float> TopScores(int row) => _topScores.AsSpan(row * _maxK, _topCounts[row]);

    public Span<bool> Hits(int row, RelevanceView view) => _hits.AsSpan(((row * _views) + (int)view) * _maxK, _topCounts[row]);

    public Span<double> Values(int row, RelevanceView view) =>
        _values.AsSpan(((row * _views) + (int)view) * _valuesPerView, _valuesPerView);

    public ref int RelevantCount(int row, RelevanceView view) => ref _relevantCounts[(row * _views) + (int)view];
}
