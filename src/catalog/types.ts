/**
 * The shapes the catalog answers with. The facts come from the generated tables under
 * `data/`, corrected by the hand-made cost decisions in `overrides.ts`.
 */

/** What the catalog knows about one resource type. */
export interface TypeFacts {
  /** Whether the type is in the catalog; unknown types get the cautious answer below. */
  readonly known: boolean;
  /** Whether the type carries its own tags (or labels) that reach the bill. */
  readonly taggable: boolean;
  /** Whether the type creates spend. Unknown cost counts as spend when the type is taggable. */
  readonly costBearing: boolean;
}

/** Cost as the catalog tables record it: `unknown` does not mean free. */
export type CostClass = 'yes' | 'no' | 'unknown';

/** Facts of one Terraform resource type, as the generated table records them. */
export interface TerraformTypeFacts {
  readonly type: string;
  readonly provider: string;
  /** Tag attribute (`tags`, `labels`, `settings.user_labels`...), undefined when not taggable. */
  readonly tagAttribute: string | undefined;
  /** Whether the provider's `default_tags` / `default_labels` reach this type. */
  readonly defaultTags: boolean;
  readonly cost: CostClass;
}

/**
 * How a CloudFormation type spells its tags: a `[{Key, Value}]` list, a `{key: value}` map, an
 * Auto Scaling group list with `PropagateAtLaunch`, or another shape (`other`) whose property
 * path holds `/*` for "every item" (`TagSpecifications/*\/Tags`).
 */
export type CloudFormationTagForm = 'list' | 'map' | 'asg-list' | 'other';

/** Where and in which form a CloudFormation type takes its tags. */
export interface CloudFormationTagProperty {
  /** Property name or `/`-separated path (`Tags`, `UserPoolTags`, `Replicas/*\/Tags`). */
  readonly property: string;
  readonly form: CloudFormationTagForm;
}

/** Facts of one CloudFormation resource type, as the generated table records them. */
export interface CloudFormationTypeFacts {
  readonly type: string;
  /** Undefined when the type cannot be tagged. */
  readonly tagProperty: CloudFormationTagProperty | undefined;
  readonly cost: CostClass;
}

/** What the catalog says about one Kubernetes kind. */
export interface KubernetesKindFacts {
  /** `conditional`: costs only when written a certain way (a `LoadBalancer` Service). */
  readonly costBearing: 'yes' | 'conditional';
  /** `;`-separated label paths of the pods the object creates; absent for non-workloads. */
  readonly podTemplatePath?: string;
}
