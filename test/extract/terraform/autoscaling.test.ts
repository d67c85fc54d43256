import { describe, expect, test } from 'vitest';
import { extractInline, only, summary } from './helpers.js';

const cases = [
  {
    name: 'tag blocks give the group its tags; propagate_at_launch = false is recorded',
    hcl: `resource "aws_autoscaling_group" "g" {
  tag {
    key                 = "Team"
    value               = "a"
    propagate_at_launch = true
  }
  timeouts {}
  tag {
    key                 = "Owner"
    value               = "b"
    propagate_at_launch = false
  }
}
`,
    expected: { line: 1, tagsLine: 2, tags: { Team: 'a', Owner: 'b' } },
    attributes: { notPropagatedAtLaunch: 'Owner' },
  },
  {
    name: 'the legacy tags list of objects',
    hcl: `resource "aws_autoscaling_group" "g" {
  tags = [
    { key = "Team", value = "a", propagate_at_launch = true },
    { key = "Owner", value = "b" },
  ]
}
`,
    expected: { line: 1, tagsLine: 2, tags: { Team: 'a', Owner: 'b' } },
    attributes: undefined,
  },
  {
    name: 'a dynamic tag block over a known map',
    hcl: `locals {
  asg_tags = { Team = "a", Owner = "b" }
}
resource "aws_autoscaling_group" "g" {
  dynamic "tag" {
    for_each = local.asg_tags
    content {
      key                 = tag.key
      value               = tag.value
      propagate_at_launch = tag.key != "Owner"
    }
  }
}
`,
    expected: { line: 4, tagsLine: 5, tags: { Owner: 'b', Team: 'a' } },
    attributes: { notPropagatedAtLaunch: 'Owner' },
  },
  {
    name: 'a dynamic tag block with a named iterator',
    hcl: `resource "aws_autoscaling_group" "g" {
  dynamic "tag" {
    for_each = { Team = "a" }
    iterator = t
    content {
      key   = t.key
      value = t.value
    }
  }
}
`,
    expected: { line: 1, tagsLine: 2, tags: { Team: 'a' } },
    attributes: undefined,
  },
  {
    name: 'concat() with an unknown list keeps the entries that are known',
    hcl: `resource "aws_autoscaling_group" "g" {
  tags = concat([{ key = "Team", value = "a" }], var.extra_tags)
}
`,
    expected: { line: 1, tagsLine: 2, tags: { Team: 'a' } },
    attributes: {
      tagsIncomplete:
        'tags = concat([{ key = "Team", value = "a" }], var.extra_tags): variable extra_tags is not declared',
    },
  },
  {
    name: 'tag blocks and a tags list together: the union, with the conflict recorded',
    hcl: `resource "aws_autoscaling_group" "g" {
  tag {
    key                 = "Team"
    value               = "a"
    propagate_at_launch = true
  }
  tags = [{ key = "Owner", value = "b", propagate_at_launch = true }]
}
`,
    expected: { line: 1, tagsLine: 7, tags: { Team: 'a', Owner: 'b' } },
    attributes: { conflict: 'tag blocks and tags list both set' },
  },
  {
    name: 'a dynamic tag block over an unknown collection is unresolved',
    hcl: `resource "aws_autoscaling_group" "g" {
  dynamic "tag" {
    for_each = var.tags
    content {
      key   = tag.key
      value = tag.value
    }
  }
}
`,
    expected: {
      line: 1,
      tagsLine: 2,
      tags: {},
      unresolved: 'dynamic "tag" for_each = var.tags: variable tags is not declared',
    },
    attributes: undefined,
  },
];

describe('terraform extractor: Auto Scaling group tags', () => {
  test.each(cases)('$name', async ({ hcl, expected, attributes }) => {
    const extraction = await extractInline({ 'main.tf': hcl });
    const group = only(extraction, 'aws_autoscaling_group.g');
    expect(summary(group)).toEqual({ address: 'aws_autoscaling_group.g', ...expected });
    expect(group.attributes).toEqual(attributes);
  });

  test.each<{ name: string; files: Record<string, string>; expected: Record<string, unknown> }>([
    {
      name: 'a tag block key points at its own key line',
      files: {
        'main.tf':
          'resource "aws_autoscaling_group" "g" {\n  tag {\n    key   = "Team"\n' +
          '    value = "a"\n    propagate_at_launch = true\n  }\n}\n',
      },
      expected: { Team: { line: 3, source: 'resource' } },
    },
    {
      name: 'a dynamic tag block key points where the map entry was written, in its file',
      files: {
        'locals.tf': 'locals {\n  asg_tags = {\n    Team = "a"\n  }\n}\n',
        'main.tf':
          'resource "aws_autoscaling_group" "g" {\n  dynamic "tag" {\n' +
          '    for_each = local.asg_tags\n    content {\n      key   = tag.key\n' +
          '      value = tag.value\n      propagate_at_launch = true\n    }\n  }\n}\n',
      },
      expected: { Team: { line: 3, file: 'locals.tf', source: 'local.asg_tags' } },
    },
    {
      name: 'a dynamic tag block over a list keeps the key line of its content',
      files: {
        'main.tf':
          'resource "aws_autoscaling_group" "g" {\n  dynamic "tag" {\n' +
          '    for_each = [{ k = "Team", v = "a" }]\n    content {\n      key   = tag.value.k\n' +
          '      value = tag.value.v\n      propagate_at_launch = true\n    }\n  }\n}\n',
      },
      expected: { Team: { line: 5, source: 'resource' } },
    },
  ])('origins: $name', async ({ files, expected }) => {
    const extraction = await extractInline(files);
    expect(only(extraction, 'aws_autoscaling_group.g').origins).toEqual(expected);
  });
});
