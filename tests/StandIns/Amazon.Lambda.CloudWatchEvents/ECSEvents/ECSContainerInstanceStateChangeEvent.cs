namespace Amazon.Lambda.CloudWatchEvents.ECSEvents;

public class ECSContainerInstanceStateChangeEvent : CloudWatchEvent<ContainerInstance>
{
}
