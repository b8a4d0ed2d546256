"""What a boto3 user does with Step Functions, one subcommand per step, against any endpoint.

Each subcommand prints the response as JSON (dates as ISO 8601 text, without ResponseMetadata). A service error is
printed as {"Error": {"Code": ..., "Message": ...}} and the script exits with status 1. Credentials and region come
from the usual AWS environment variables.

Usage: boto3_user.py --endpoint-url URL <subcommand> [options]   (see --help of each subcommand)
"""

import argparse
import json
import sys

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError


def create_activity(client, args):
    return client.create_activity(name=args.name)


def create_state_machine(client, args):
    return client.create_state_machine(
        name=args.name, definition=args.definition, roleArn=args.role_arn, type=args.type
    )


def start(client, args):
    return client.start_execution(stateMachineArn=args.state_machine_arn, name=args.name, input=args.input)


def describe(client, args):
    """DescribeExecution; with --wait, again until the execution is no longer running."""
    response = client.describe_execution(executionArn=args.execution_arn)
    while args.wait and response["status"] == "RUNNING":
        response = client.describe_execution(executionArn=args.execution_arn)
    return response


def history(client, args):
    """Every event, through boto3's paginator (which follows nextToken), and how many pages it took."""
    paginator = client.get_paginator("get_execution_history")
    pages = paginator.paginate(executionArn=args.execution_arn, PaginationConfig={"PageSize": args.page_size})
    events, count = [], 0
    for page in pages:
        events.extend(page["events"])
        count += 1
    return {"events": events, "pages": count}


def start_sync(client, args):
    return client.start_sync_execution(stateMachineArn=args.state_machine_arn, input=args.input)


def parse_args():
    parser = argparse.ArgumentParser(description="Step Functions with boto3.")
    parser.add_argument("--endpoint-url", required=True)
    commands = parser.add_subparsers(dest="command", required=True)

    command = commands.add_parser("create-activity")
    command.add_argument("--name", required=True)
    command.set_defaults(run=create_activity)

    command = commands.add_parser("create-state-machine")
    command.add_argument("--name", required=True)
    command.add_argument("--definition", required=True)
    command.add_argument("--role-arn", required=True)
    command.add_argument("--type", default="STANDARD")
    command.set_defaults(run=create_state_machine)

    command = commands.add_parser("start")
    command.add_argument("--state-machine-arn", required=True)
    command.add_argument("--name", required=True)
    command.add_argument("--input", default="{}")
    command.set_defaults(run=start)

    command = commands.add_parser("describe")
    command.add_argument("--execution-arn", required=True)
    command.add_argument("--wait", action="store_true")
    command.set_defaults(run=describe)

    command = commands.add_parser("history")
    command.add_argument("--execution-arn", required=True)
    command.add_argument("--page-size", type=int, default=100)
    command.set_defaults(run=history)

    command = commands.add_parser("start-sync")
    command.add_argument("--state-machine-arn", required=True)
    command.add_argument("--input", default="{}")
    command.set_defaults(run=start_sync)

    return parser.parse_args()


def main():
    args = parse_args()
    # StartSyncExecution goes to the host "sync-<endpoint host>" unless host prefixes are turned off, and
    # sync-localhost / sync-127.0.0.1 do not resolve everywhere.
    config = Config(inject_host_prefix=False) if args.command == "start-sync" else None
    client = boto3.client("stepfunctions", endpoint_url=args.endpoint_url, config=config)
    try:
        response = args.run(client, args)
    except ClientError as error:
        print(json.dumps({"Error": error.response["Error"]}))
        sys.exit(1)
    response.pop("ResponseMetadata", None)
    print(json.dumps(response, default=lambda value: value.isoformat()))


if __name__ == "__main__":
    main()
