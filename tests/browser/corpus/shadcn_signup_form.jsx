import React, { useState } from 'react';
import { Card, CardHeader, CardTitle, CardContent } from '@/components/ui/card.jsx';
import { Button } from '@/components/ui/button.tsx';
import { Input } from '@/components/ui/input.js';
import { Label } from '@/components/ui/label.ts';
import { cn } from '@/lib/utils.js';

export default function NewsletterSignup() {
  const [email, setEmail] = useState('');
  const [done, setDone] = useState(false);
  const valid = /.+@.+\..+/.test(email);

  return (
    <Card className={cn('max-w-md m-6', done && 'border-green-500')}>
      <CardHeader>
        <CardTitle>Join the newsletter</CardTitle>
      </CardHeader>
      <CardContent className="space-y-3">
        {done ? (
          <p id="thanks">Thanks, {email} is subscribed.</p>
        ) : (
          <>
            <Label htmlFor="email">Email</Label>
            <Input id="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="you@example.com" />
            <Button disabled={!valid} onClick={() => setDone(true)}>Subscribe</Button>
          </>
        )}
      </CardContent>
    </Card>
  );
}
