"""An AWS Step Functions activity worker, written as the AWS documentation writes one.

It polls GetActivityTask for a task of its activity, does the work, and reports the result with SendTaskSuccess (or
SendTaskFailure when the input cannot be worked on). Credentials and region come from the usual AWS environment
variables; only the endpoint is Lockstep's.

Usage: activity_worker.py --endpoint-url URL --activity-arn ARN --worker-name NAME [--tasks N]

With --tasks N the worker stops after N tasks (the compat test needs it to end); without it, it works forever.
"""

import argparse
import json

import boto3
from botocore.config import Config


def work(task_input, worker_name):
    """The work of this activity: a greeting for the name in the input."""
    return {"greeting": f"Hello, {task_input['name']}!", "worker": worker_name}


def main():
    parser = argparse.ArgumentParser(description="A Step Functions activity worker.")
    parser.add_argument("--endpoint-url", required=True)
    parser.add_argument("--activity-arn", required=True)
    parser.add_argument("--worker-name", required=True)
    parser.add_argument("--tasks", type=int, default=None, help="stop after this many tasks")
    args = parser.parse_args()

    # GetActivityTask holds the request open for up to 60 seconds when no task is waiting: the client's read
    # timeout must be longer (AWS's advice for activity workers).
    client = boto3.client("stepfunctions", endpoint_url=args.endpoint_url, config=Config(read_timeout=70))

    done = 0
    while args.tasks is None or done < args.tasks:
        task = client.get_activity_task(activityArn=args.activity_arn, workerName=args.worker_name)
        task_token = task.get("taskToken")
        if not task_token:
            continue  # the poll ended without a task: poll again
        try:
            output = work(json.loads(task["input"]), args.worker_name)
        except (KeyError, TypeError, ValueError) as error:
            client.send_task_failure(taskToken=task_token, error=type(error).__name__, cause=str(error))
        else:
            client.send_task_success(taskToken=task_token, output=json.dumps(output))
        done += 1


if __name__ == "__main__":
    main()
