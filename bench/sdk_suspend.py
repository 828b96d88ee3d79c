"""One SuspendDtsJob call through Alibaba Cloud's official Python SDK, as a
script would make it: the benchmark's point of comparison.

    python sdk_suspend.py <endpoint host:port>
"""
import os
import sys

from alibabacloud_dts20200101 import models as dts_models
from alibabacloud_dts20200101.client import Client
from alibabacloud_tea_openapi import models as open_api_models


def main() -> int:
    config = open_api_models.Config(
        access_key_id=os.environ["ALIBABA_CLOUD_ACCESS_KEY_ID"],
        access_key_secret=os.environ["ALIBABA_CLOUD_ACCESS_KEY_SECRET"],
        endpoint=sys.argv[1],
        protocol="http",
        region_id="cn-hangzhou",
        signature_algorithm="v2",
    )
    client = Client(config)
    request = dts_models.SuspendDtsJobRequest(
        dts_job_id="l3m1213ye7lb2c9", region_id="cn-hangzhou"
    )
    response = client.suspend_dts_job(request)
    return 0 if response.body.success else 1


if __name__ == "__main__":
    sys.exit(main())
