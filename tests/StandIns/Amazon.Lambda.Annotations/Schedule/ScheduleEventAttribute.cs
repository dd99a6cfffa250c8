using System;

namespace Amazon.Lambda.Annotations.Schedule;

[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public class ScheduleEventAttribute : Attribute
{
    public ScheduleEventAttribute(string schedule)
    {
        Schedule = schedule;
    }

    public string Schedule { get; set; }

    public string ResourceName { get; set; }

    public string Description { get; set; }

    public string Input { get; set; }

    public bool Enabled { get; set; }
}
