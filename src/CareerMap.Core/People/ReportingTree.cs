using System.Collections.Concurrent;

namespace CareerMap.People;

/// <summary>
/// Who reports to whom among everyone the rating index was built with, so a leader's line is read from memory rather
/// than by <see cref="ReportingLine.SelfAndBelow"/>'s recursive query (a second at a director's 600,000 people). It runs
/// through deactivated people and holds them as the query does: someone whose manager left is still in the line above that manager.
/// </summary>
sealed class ReportingTree
{
    /// <summary>Lines at least this long are kept for the tree's life (the index's): few leaders have one, and each is asked often.</summary>
    const int KeptFrom = 4096;

    readonly int[] activeIds, formerIds;
    readonly int[] firstChild, children;
    readonly ConcurrentDictionary<int, int[]> kept = new();

    /// <param name="activeIds">The index's rows' employee ids, ascending.</param>
    /// <param name="activeManagers">Each row's manager (an employee id; 0 for none).</param>
    /// <param name="formerIds">Deactivated people's employee ids, ascending.</param>
    /// <param name="formerManagers">Each deactivated person's manager.</param>
    public ReportingTree(int[] activeIds, int[] activeManagers, int[] formerIds, int[] formerManagers)
    {
        this.activeIds = activeIds;
        this.formerIds = formerIds;
        var nodes = activeIds.Length + formerIds.Length;
        var parent = new int[nodes];
        firstChild = new int[nodes + 1];
        for (var node = 0; node < nodes; node++)
        {
            var manager = node < activeIds.Length ? activeManagers[node] : formerManagers[node - activeIds.Length];
            parent[node] = manager == 0 ? -1 : Node(manager);
            if (parent[node] >= 0) firstChild[parent[node] + 1]++;
        }
        for (var node = 1; node <= nodes; node++) firstChild[node] += firstChild[node - 1];
        children = new int[firstChild[nodes]];
        var next = firstChild[..nodes];
        for (var node = 0; node < nodes; node++)
            if (parent[node] >= 0) children[next[parent[node]]++] = node;
    }

    /// <summary>Nodes are the index's rows, then the deactivated people; -1 for an id neither holds.</summary>
    int Node(int employeeId) =>
        Array.BinarySearch(activeIds, employeeId) is >= 0 and var row ? row
        : Array.BinarySearch(formerIds, employeeId) is >= 0 and var former ? activeIds.Length + former : -1;

    /// <summary>The employee ids of the leader and everyone below them at any depth, those who left included, ascending; a loop in the managers ends where it comes round.</summary>
    public IReadOnlyList<int> Line(int leaderId)
    {
        if (kept.TryGetValue(leaderId, out var known)) return Array.AsReadOnly(known);
        var start = Node(leaderId);
        if (start < 0) return [];
        // Each person has one manager, so only the leader can be reached twice: through a loop of managers back to them.
        var queue = new Queue<int>();
        queue.Enqueue(start);
        var ids = new List<int>();
        while (queue.TryDequeue(out var node))
        {
            ids.Add(node < activeIds.Length ? activeIds[node] : formerIds[node - activeIds.Length]);
            for (var i = firstChild[node]; i < firstChild[node + 1]; i++)
                if (children[i] != start) queue.Enqueue(children[i]);
        }
        var line = ids.ToArray();
        Array.Sort(line);
        if (line.Length >= KeptFrom) kept.TryAdd(leaderId, line);
        return Array.AsReadOnly(line);
    }

    public long Bytes => (activeIds.Length + formerIds.Length) * 4L + firstChild.Length * 4L + children.Length * 4L + kept.Values.Sum(l => l.Length * 4L);
}
