import React, { useMemo, useState } from "react";
import {
  ResponsiveContainer, LineChart, Line, BarChart, Bar, XAxis, YAxis, CartesianGrid, Tooltip, Legend,
} from "recharts";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { TrendingUp, TrendingDown } from "lucide-react";

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"];
const SALES = {
  North: [120, 135, 128, 160, 172, 190],
  South: [98, 92, 110, 104, 118, 125],
};

export default function SalesDashboard() {
  const [region, setRegion] = useState("North");
  const data = useMemo(
    () => MONTHS.map((month, i) => ({ month, sales: SALES[region][i], target: 100 + i * 15 })),
    [region]
  );
  const total = data.reduce((sum, d) => sum + d.sales, 0);
  const change = ((data[5].sales - data[0].sales) / data[0].sales) * 100;

  return (
    <div className="min-h-screen bg-slate-50 p-6">
      <div className="max-w-4xl mx-auto space-y-4">
        <div className="flex items-center justify-between">
          <h1 className="text-2xl font-bold text-slate-900">Sales Dashboard</h1>
          <div className="flex gap-2">
            {Object.keys(SALES).map((name) => (
              <Button key={name} variant={name === region ? "default" : "outline"} onClick={() => setRegion(name)}>
                {name}
              </Button>
            ))}
          </div>
        </div>
        <div className="grid grid-cols-2 gap-4">
          <Card>
            <CardHeader><CardTitle>Total, first half</CardTitle></CardHeader>
            <CardContent><p id="total" className="text-3xl font-semibold">{total} units</p></CardContent>
          </Card>
          <Card>
            <CardHeader><CardTitle>Jan to Jun</CardTitle></CardHeader>
            <CardContent>
              <p id="change" className={`flex items-center gap-2 text-3xl font-semibold ${change >= 0 ? "text-green-600" : "text-red-600"}`}>
                {change >= 0 ? <TrendingUp className="h-6 w-6" /> : <TrendingDown className="h-6 w-6" />}
                {change.toFixed(1)}%
              </p>
            </CardContent>
          </Card>
        </div>
        <Card>
          <CardHeader><CardTitle>Monthly sales vs target</CardTitle></CardHeader>
          <CardContent>
            <div style={{ width: "100%", height: 260 }}>
              <ResponsiveContainer>
                <LineChart data={data}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="month" />
                  <YAxis />
                  <Tooltip />
                  <Legend />
                  <Line type="monotone" dataKey="sales" stroke="#2563eb" strokeWidth={2} isAnimationActive={false} />
                  <Line type="monotone" dataKey="target" stroke="#94a3b8" strokeDasharray="5 5" isAnimationActive={false} />
                </LineChart>
              </ResponsiveContainer>
            </div>
          </CardContent>
        </Card>
        <Card>
          <CardHeader><CardTitle>By month</CardTitle></CardHeader>
          <CardContent>
            <div style={{ width: "100%", height: 200 }}>
              <ResponsiveContainer>
                <BarChart data={data}>
                  <XAxis dataKey="month" />
                  <YAxis />
                  <Bar dataKey="sales" fill="#16a34a" isAnimationActive={false} />
                </BarChart>
              </ResponsiveContainer>
            </div>
          </CardContent>
        </Card>
      </div>
    </div>
  );
}
